package network.qfc.miner.app.desktop.firstrun;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import network.qfc.miner.app.desktop.UiThread;

/**
 * Runs {@link NodeCheck} off the FX thread and puts the answer in a {@link NodeCheckModel}. When the URL changes
 * while a check runs, only the newest check's answer is shown.
 */
public final class LiveNodeCheck {
    private final NodeCheckModel model;
    private final NodeCheck check;
    private final Executor background;
    private final AtomicLong generation = new AtomicLong();

    public LiveNodeCheck(NodeCheckModel model, NodeCheck check, Executor background) {
        this.model = model;
        this.check = check;
        this.background = background;
    }

    /** Checks {@code url} (FX thread); completes with the status once it is shown. */
    public CompletableFuture<NodeStatus> check(String url) {
        long mine = generation.incrementAndGet();
        Optional<String> warning;
        try {
            warning = RpcEndpoint.parse(url).warning();
        } catch (IllegalArgumentException e) {
            NodeStatus bad = NodeStatus.down(e.getMessage());
            show(bad, "");
            return CompletableFuture.completedFuture(bad);
        }
        model.warning.set(warning.orElse(""));
        model.checking.set(true);
        model.result.set("Checking " + RpcEndpoint.parse(url).nodeName() + "…");
        model.reachable.set(false);
        CompletableFuture<NodeStatus> shown = new CompletableFuture<>();
        CompletableFuture<NodeStatus> asked;
        try {
            asked = CompletableFuture.supplyAsync(() -> check.check(url), background);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            NodeStatus closing = NodeStatus.down("The app is closing: the node was not checked.");
            show(closing, "");
            return CompletableFuture.completedFuture(closing);
        }
        asked
                .exceptionally(e -> NodeStatus.down("The check failed: " + e.getMessage()))
                .thenAccept(status -> UiThread.run(() -> {
                    if (generation.get() == mine) {
                        show(status, model.warning.get());
                    }
                    shown.complete(status);
                }));
        return shown;
    }

    /** Forgets the shown result (e.g. the devnet was chosen, nothing to check). */
    public void clear() {
        generation.incrementAndGet();
        show(NodeStatus.down(""), "");
    }

    private void show(NodeStatus status, String warning) {
        model.checking.set(false);
        model.reachable.set(status.reachable());
        model.result.set(status.describe());
        model.warning.set(warning);
    }
}
