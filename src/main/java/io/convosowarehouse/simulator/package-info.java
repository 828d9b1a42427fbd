/**
 * A deterministic, Convoso-compatible simulator of the "Agent Monitor Search" API.
 *
 * <p>{@link io.convosowarehouse.simulator.ContactCenter} models a contact center whose every agent
 * has a whole-day timeline generated up front from the seed, so an answer is a pure function of
 * (settings, simulated local time, filter). {@link io.convosowarehouse.simulator.SimulatorServer}
 * serves those answers over HTTP and can inject the failures and quirks the real API shows, so the
 * ETL job can be exercised end to end without network access or credentials.
 */
package io.convosowarehouse.simulator;
