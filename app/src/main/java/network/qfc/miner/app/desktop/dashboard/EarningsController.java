package network.qfc.miner.app.desktop.dashboard;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import network.qfc.miner.app.desktop.UiThread;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.runtime.MinerRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's earnings: read for the chosen period when it is chosen, and once a minute while the dashboard is on
 * screen, off the FX thread (the journal and two JSON-RPC calls), from the miner that runs now.
 */
final class EarningsController {
    private static final Logger LOG = LoggerFactory.getLogger(EarningsController.class);

    final ObjectProperty<EarningsPeriod> period = new SimpleObjectProperty<>(EarningsPeriod.DAY);
    final ObjectProperty<EarningsReport> report = new SimpleObjectProperty<>();
    private final Supplier<Optional<MinerRuntime>> runtime;
    private final Executor background;
    private final Clock clock;
    /** Every 5 s until the first report (mining just started, the key is loading), then once a minute. */
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(5), e -> tick()));
    private int ticks;
    private QfcRpcClient rpc;
    private String rpcUrl;

    EarningsController(Supplier<Optional<MinerRuntime>> runtime, Executor background, Clock clock) {
        this.runtime = runtime;
        this.background = background;
        this.clock = clock;
        ticker.setCycleCount(Timeline.INDEFINITE);
        period.addListener((o, old, now) -> refresh());
    }

    private void tick() {
        if (report.get() == null || ++ticks % 12 == 0) {
            refresh();
        }
    }

    void onActivate() {
        refresh();
        ticker.play();
    }

    void onDeactivate() {
        ticker.stop();
    }

    /** Reads the report again; nothing while no miner runs or its key is not loaded yet. */
    void refresh() {
        MinerRuntime r = runtime.get().orElse(null);
        String address = r == null ? null : r.snapshot().address();
        if (r == null || address == null) {
            return;
        }
        String url = r.settings().rpcUrl();
        if (!url.equals(rpcUrl)) {
            rpc = new QfcRpcClient(url);
            rpcUrl = url;
        }
        QfcRpcClient client = rpc;
        EarningsPeriod p = period.get();
        CompletableFuture<EarningsReport> read;
        try {
            read = CompletableFuture.supplyAsync(() -> EarningsReader.read(p, r.journal(), client,
                    Address.parse(address), clock.instant()), background);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            ticker.stop(); // the app is closing its background work: nothing more to read
            return;
        }
        read
                .thenAccept(rep -> UiThread.run(() -> {
                    if (rep.period() == period.get()) {
                        report.set(rep);
                    }
                }))
                .exceptionally(e -> {
                    LOG.debug("earnings not read", e);
                    return null;
                });
    }
}
