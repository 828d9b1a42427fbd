package io.convosowarehouse;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.convosowarehouse.cli.WarehouseCommandLine;
import io.convosowarehouse.job.StopSignal;

/**
 * The command-line entry point: {@code java -jar convoso-warehouse.jar COMMAND [OPTIONS]}.
 * <p>
 * On SIGTERM the JVM runs shutdown hooks and then halts, so the hook here raises the stop signal
 * and waits for the command to wind down (the snapshot in flight commits or rolls back, the run is
 * recorded as stopped); the process then exits with 143 (128 + SIGTERM).
 */
public final class ConvosoWarehouse {

    /** Kubernetes' default grace period is 30 s; stay inside it. */
    private static final long WIND_DOWN_SECONDS = 25;

    private ConvosoWarehouse() {
    }

    public static void main(String[] args) throws InterruptedException {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread windDown = new Thread(() -> {
            stop.request();
            try {
                finished.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sigterm-wind-down");
        Runtime.getRuntime().addShutdownHook(windDown);
        int exitCode = WarehouseCommandLine.execute(stop, args);
        finished.countDown();
        if (!stop.requested()) {
            System.exit(exitCode);
        }
        // a shutdown is under way: System.exit would block; the JVM exits with 143 once the hook returns
    }
}
