package network.qfc.miner.app.desktop.hardware;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import network.qfc.miner.app.bench.DesktopBenchmark;
import network.qfc.miner.app.bench.EngineBench;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.core.inference.SelfCheckResult;

/**
 * The Hardware page's benchmark and self-check rows: "Run benchmark" (off the FX thread, a progress bar, then the
 * engine's sentences/s, p50 and the comparison with plain ONNX Runtime; a failure said in words), and the backend
 * self-checks kept in the data folder (what each backend gave against the network's reference, and where the miner
 * mines).
 */
final class BenchmarkSection {
    /** Runs the benchmark; the page's real one is {@link DesktopBenchmark#run}. */
    @FunctionalInterface
    interface Runner {
        DesktopBenchmark.Outcome run(EngineBench.Progress progress) throws Exception;
    }

    static final String NO_SELF_CHECK = "no backend but the CPU has run here: nothing to check (the CPU is the"
            + " network's reference)";

    private final Runner runner;
    private final Supplier<List<SelfCheckResult>> selfChecks;
    private final Executor background;
    final Button run = new Button("Run benchmark");
    final ProgressBar progress = new ProgressBar(0);
    final Label result = new Label("not run yet");
    final Label selfCheck = new Label();

    BenchmarkSection(Runner runner, Supplier<List<SelfCheckResult>> selfChecks, Executor background) {
        this.runner = runner;
        this.selfChecks = selfChecks;
        this.background = background;
        run.setId("hw-run-benchmark");
        run.setAccessibleText("Run benchmark: measure inference speed on this computer");
        run.setOnAction(e -> start());
        progress.setId("hw-benchmark-progress");
        progress.setVisible(false);
        progress.setAccessibleText("Benchmark progress");
        result.setId("hw-benchmark");
        result.setWrapText(true);
        selfCheck.setId("hw-self-check");
        selfCheck.setWrapText(true);
    }

    /** The button, the progress bar and the result, as one value cell. */
    VBox benchmarkCell() {
        return new VBox(6, new HBox(12, run, progress), result);
    }

    /** Reads the kept self-checks again (off the FX thread). */
    CompletableFuture<Void> refreshSelfChecks() {
        return CompletableFuture.supplyAsync(selfChecks, background)
                .thenAccept(list -> UiThread.run(() -> selfCheck.setText(describe(list))))
                .exceptionally(e -> {
                    UiThread.run(() -> selfCheck.setText("cannot read the self-check results: " + e.getMessage()));
                    return null;
                });
    }

    static String describe(List<SelfCheckResult> list) {
        if (list.isEmpty()) {
            return NO_SELF_CHECK;
        }
        StringBuilder b = new StringBuilder();
        for (SelfCheckResult r : list) {
            b.append(b.isEmpty() ? "" : "\n").append(r.message());
        }
        return b.toString();
    }

    /** Starts a run unless one is running. */
    CompletableFuture<Void> start() {
        run.setDisable(true);
        progress.setProgress(0);
        progress.setVisible(true);
        result.setText("starting…");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run((fraction, what) -> UiThread.run(() -> {
                    progress.setProgress(fraction);
                    result.setText(what + "…");
                }));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).handle((outcome, error) -> {
            UiThread.run(() -> {
                run.setDisable(false);
                progress.setVisible(false);
                if (error != null) {
                    Throwable c = error.getCause() != null ? error.getCause() : error;
                    result.setText("the benchmark did not run: " + c.getMessage());
                } else {
                    progress.setProgress(1);
                    result.setText(outcome.summary());
                }
            });
            return null;
        });
    }
}
