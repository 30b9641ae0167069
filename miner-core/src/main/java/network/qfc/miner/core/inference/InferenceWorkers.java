package network.qfc.miner.core.inference;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * N inference workers ({@code qfc-inference-1..N}, daemon threads) that run jobs concurrently on one shared model:
 * each worker calls {@link InferenceEngine#embed} on its own DJL predictor, all predictors share the one loaded
 * model, so the weights are in memory once. The default is one worker per physical core, each with one ONNX Runtime
 * intra-op thread (measured best on 2 cores; see the README).
 *
 * <p>The workers only run what they are given, in the order given; callers that need results in order (the task
 * loop: the journal and the node see proofs in the order the tasks were fetched) keep their futures in that order and
 * wait for the oldest. How many jobs are outstanding at once is the caller's choice: the governor's throttle keeps
 * it at one.
 */
public final class InferenceWorkers implements AutoCloseable {
    private final int workers;
    private final ExecutorService executor;

    public InferenceWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "qfc-inference-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** One worker per physical core. */
    public static int defaultCount() {
        return PhysicalCores.count();
    }

    public int workers() {
        return workers;
    }

    /** Runs {@code job} on the next free worker; its exception completes the future exceptionally. */
    public <T> CompletableFuture<T> submit(Supplier<T> job) {
        Objects.requireNonNull(job, "job");
        return CompletableFuture.supplyAsync(job, executor);
    }

    /** Stops taking jobs; running ones finish (at most one inference each). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
