/**
 * A deterministic, Convoso-compatible simulator of the "Agent Monitor Search" API, so the ETL job can
 * be exercised end to end without network access or credentials.
 *
 * <p>Entry points: {@link io.convosowarehouse.simulator.http.SimulatorServer} serves the API over HTTP
 * at the time of a {@link io.convosowarehouse.simulator.clock.SimulationClock};
 * {@link io.convosowarehouse.simulator.answer.ContactCenter} computes one answer without HTTP;
 * {@link io.convosowarehouse.simulator.SimulatorSettings} configures both.
 *
 * <ul>
 *   <li>{@code model}: the contact center itself, every agent's whole-day timeline generated up front
 *       from the seed, so an answer is a pure function of (settings, simulated local time, filter);</li>
 *   <li>{@code answer}: renders that model as the API's JSON answer, with the API's quirks;</li>
 *   <li>{@code http}: the HTTP server, its query parameters and the failures it can inject;</li>
 *   <li>{@code clock}: simulated time, manual or scaled, and local-seconds arithmetic.</li>
 * </ul>
 */
package io.convosowarehouse.simulator;
