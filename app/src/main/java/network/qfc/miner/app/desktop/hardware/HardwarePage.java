package network.qfc.miner.app.desktop.hardware;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import network.qfc.miner.app.bench.DesktopBenchmark;
import network.qfc.miner.app.desktop.Page;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.core.inference.SelfCheckResult;
import network.qfc.miner.probe.HardwareReport;
import network.qfc.miner.probe.LiveSampler;
import network.qfc.miner.probe.LiveSubscription;
import network.qfc.miner.probe.TierAssessment;
import network.qfc.miner.probe.TierClassifier;

/**
 * The Hardware page: the probe's findings (CPU, memory, GPUs, CUDA/Metal, battery, temperature), the tier and why,
 * live load/temperature while the page is shown, the backend self-checks and the "Run benchmark" action. Probing and
 * benchmarking run off the FX thread.
 */
public final class HardwarePage implements Page {
    private final HardwareModel model = new HardwareModel();
    private final Supplier<HardwareReport> probe;
    private final LiveSampler sampler;
    private final Executor background;
    private final Node view;
    private final BenchmarkSection bench;
    private final boolean hasBenchmark;
    private LiveSubscription live;
    private boolean probed;

    public HardwarePage(Supplier<HardwareReport> probe, LiveSampler sampler, Executor background) {
        this(probe, sampler, background, null, List::of);
    }

    /**
     * With the benchmark ({@code benchmark} runs {@link DesktopBenchmark}; null: no benchmark row) and the backend
     * self-checks kept in the data folder ({@code selfChecks}, read each time the page is shown).
     */
    public HardwarePage(Supplier<HardwareReport> probe, LiveSampler sampler, Executor background,
                        DesktopBenchmark benchmark, Supplier<List<SelfCheckResult>> selfChecks) {
        this.probe = probe;
        this.sampler = sampler;
        this.background = background;
        this.bench = new BenchmarkSection(benchmark == null ? null : benchmark::run, selfChecks, background);
        this.hasBenchmark = benchmark != null;
        this.view = buildView();
    }

    /** Presses "Run benchmark" (tests, keyboard users alike go through the button; this is its action). */
    CompletableFuture<Void> runBenchmark() {
        return bench.start();
    }

    public HardwareModel model() {
        return model;
    }

    @Override
    public String title() {
        return "Hardware";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onActivate() {
        if (!probed) {
            reprobe();
        }
        bench.refreshSelfChecks();
        live = sampler.subscribe(reading -> UiThread.run(() -> HardwareFacts.live(model, reading)));
    }

    @Override
    public void onDeactivate() {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    /** Probes again (the button), off the FX thread. */
    public CompletableFuture<Void> reprobe() {
        probed = true;
        return CompletableFuture.supplyAsync(() -> {
            HardwareReport r = probe.get();
            return new Probed(r, new TierClassifier().assess(r, Optional.empty()));
        }, background).thenAccept(p -> UiThread.run(() -> HardwareFacts.fill(model, p.report(), p.assessment())));
    }

    private record Probed(HardwareReport report, TierAssessment assessment) {
    }

    private Node buildView() {
        Label title = new Label("Hardware");
        title.getStyleClass().add(Styles.TITLE_3);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE); // as wide as the longest key, in the system's font
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        int row = 0;
        row = addRow(grid, row, "Tier", model.tier, "hw-tier");
        row = addRow(grid, row, "Why", model.tierWhy, "hw-tier-why");
        row = addRow(grid, row, "Models", model.models, "hw-models");
        row = addRow(grid, row, "Operating system", model.os, "hw-os");
        row = addRow(grid, row, "CPU", model.cpu, "hw-cpu");
        row = addRow(grid, row, "Memory", model.memory, "hw-memory");
        row = addRow(grid, row, "GPUs", model.gpus, "hw-gpus");
        row = addRow(grid, row, "CUDA", model.cuda, "hw-cuda");
        row = addRow(grid, row, "Metal", model.metal, "hw-metal");
        row = addRow(grid, row, "Battery", model.battery, "hw-battery");
        row = addRow(grid, row, "CPU temperature", model.temperature, "hw-temperature");
        row = addRow(grid, row, "CPU load", model.load, "hw-load");
        grid.addRow(row++, key("Backend self-check"), bench.selfCheck);
        if (hasBenchmark) {
            grid.addRow(row, key("Benchmark"), bench.benchmarkCell());
        }
        Button again = new Button("Probe again");
        again.setOnAction(e -> reprobe());
        Label took = new Label();
        took.textProperty().bind(model.probeTime);
        took.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(12, again, took);
        VBox box = new VBox(16, title, grid, actions);
        box.setPadding(new Insets(0, 0, 16, 0));
        return box;
    }

    private static Label key(String text) {
        Label k = new Label(text);
        k.getStyleClass().add(Styles.TEXT_MUTED);
        return k;
    }

    private static int addRow(GridPane grid, int row, String key, StringProperty value, String id) {
        Label k = key(key);
        Label v = new Label();
        v.setId(id);
        v.setWrapText(true);
        v.textProperty().bind(value);
        grid.addRow(row, k, v);
        return row + 1;
    }
}
