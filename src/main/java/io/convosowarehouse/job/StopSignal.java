package io.convosowarehouse.job;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop, raised by SIGTERM (Kubernetes stopping the pod). Work in flight finishes — a
 * snapshot's transaction commits or rolls back whole — but nothing new starts.
 */
public final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Sleeps for {@code pause} unless a stop is requested first; true when it was. */
    public boolean awaitStop(Duration pause) throws InterruptedException {
        return pause.isNegative() || pause.isZero() ? requested() : requested.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }
}
