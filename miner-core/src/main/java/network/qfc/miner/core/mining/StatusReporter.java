package network.qfc.miner.core.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.core.protocol.rpc.LoadedModel;
import network.qfc.miner.core.protocol.rpc.MinerStatusReport;
import network.qfc.miner.core.protocol.rpc.ModelLayer;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code qfc_reportMinerStatus}: the loaded models with their layers and the count of pending proofs, signed. Run
 * every 30 s by the runtime's scheduler. A {@code false} answer means the node does not know this miner in its
 * validator set: after a restart (the {@link Registrar} registers again once), or for a standalone miner (normal).
 */
public final class StatusReporter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

    private final QfcRpcClient rpc;
    private final ValidatorKey key;
    private final Supplier<Map<ModelId, network.qfc.miner.core.inference.ModelLayer>> layers;
    private final IntSupplier pending;
    private final Registrar registrar;
    private final NodeHealth health;
    private final long loadedAtMs;

    public StatusReporter(QfcRpcClient rpc, ValidatorKey key,
                          Supplier<Map<ModelId, network.qfc.miner.core.inference.ModelLayer>> layers,
                          IntSupplier pending, Registrar registrar, NodeHealth health, long loadedAtMs) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.key = Objects.requireNonNull(key, "key");
        this.layers = Objects.requireNonNull(layers, "layers");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.health = Objects.requireNonNull(health, "health");
        this.loadedAtMs = loadedAtMs;
    }

    /** The report as it would be sent now. */
    public MinerStatusReport report() {
        List<LoadedModel> models = new ArrayList<>();
        for (Map.Entry<ModelId, network.qfc.miner.core.inference.ModelLayer> e : layers.get().entrySet()) {
            models.add(new LoadedModel(e.getKey(), ModelLayer.valueOf(e.getValue().name()), loadedAtMs));
        }
        return MinerStatusReport.signed(key, models, pending.getAsInt());
    }

    /** Sends one report; never throws (a failure is logged and the next report comes in 30 s). */
    @Override
    public void run() {
        try {
            MinerStatusReport r = report();
            boolean taken = health.call(() -> rpc.reportMinerStatus(r));
            if (!taken) {
                // a node restart, or (on nodes that take standalone miners) the normal answer to a standalone miner
                registrar.notInValidatorSet("the node refused the status report (it does not know this miner)");
            }
        } catch (RpcException e) {
            LOG.info("status report not sent: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("status report failed", e);
        }
    }
}
