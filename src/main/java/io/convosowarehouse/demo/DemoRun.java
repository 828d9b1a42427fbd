package io.convosowarehouse.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.job.PollRunner;
import io.convosowarehouse.job.PollRunner.AccountResult;
import io.convosowarehouse.job.CycleOutcome;
import io.convosowarehouse.job.StopSignal;
import io.convosowarehouse.simulator.clock.ManualClock;

/**
 * Polls a simulated shift through the real poll path: the simulator's clock steps one poll
 * interval at a time, and every step is a real poll cycle (a Spring Batch job execution, HTTP
 * included) scheduled at that simulated time.
 */
@Component
public class DemoRun {

    private final PollRunner pollRunner;
    private final StopSignal stopSignal;

    public DemoRun(PollRunner pollRunner, StopSignal stopSignal) {
        this.pollRunner = pollRunner;
        this.stopSignal = stopSignal;
    }

    /** What the polling gave. */
    public record Tally(long polls, long succeeded, long failed, Duration took) {
    }

    public Tally run(DemoShift shift, ManualClock clock, AccountSettings account, PrintWriter progress) {
        long started = System.nanoTime();
        long succeeded = 0;
        long failed = 0;
        LocalDateTime lastReport = clock.now();
        for (long poll = 1; poll <= shift.polls() && !stopSignal.requested(); poll++) {
            LocalDateTime now = clock.now();
            AccountResult result = pollRunner.poll(List.of(account), now.atZone(shift.timeZone()).toInstant()).get(0);
            if (result.outcome() == CycleOutcome.COMPLETED || result.outcome() == CycleOutcome.ALREADY_DONE) {
                succeeded++;
            } else {
                failed++;
                progress.println("  " + now + ": " + result.summary());
            }
            if (!now.isBefore(lastReport.plusHours(1)) || poll == shift.polls()) {
                lastReport = now;
                progress.printf("  simulated %s  %4d/%d polls  %5.1f s%n", now.toLocalTime(), poll, shift.polls(),
                        (System.nanoTime() - started) / 1e9);
                progress.flush();
            }
            clock.advance(shift.pollEvery());
        }
        return new Tally(shift.polls(), succeeded, failed, Duration.ofNanos(System.nanoTime() - started));
    }
}
