package network.qfc.miner.core.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;

/**
 * The miner's Prometheus metrics, in a registry of its own (never the global one): counters and the inference
 * latency histogram are fed by {@link #onEvent(MinerEvent)}; the standing and node gauges are read from the current
 * snapshot at scrape time. Served by {@link MetricsServer}.
 *
 * <ul>
 *   <li>{@code qfc_miner_proofs_total{outcome}}: accepted, rejected, expired;</li>
 *   <li>{@code qfc_miner_spot_checks_total{result}}: passed, failed;</li>
 *   <li>{@code qfc_miner_tasks_total}, {@code qfc_miner_submit_retries_total}, {@code qfc_miner_slashes_total};</li>
 *   <li>{@code qfc_miner_inference_seconds{model,backend}} (histogram, buckets from 1 ms: p50 is 3-5 ms on a laptop);</li>
 *   <li>{@code qfc_miner_build_info{version,java_version}} (always 1);</li>
 *   <li>{@code qfc_miner_governor_state{state}}: 1 for the governor's current state (running, throttled, paused),
 *       0 for the others;</li>
 *   <li>gauges: {@code qfc_miner_stake_qfc}, {@code qfc_miner_contribution_score}, {@code qfc_miner_inference_score},
 *       {@code qfc_miner_tasks_completed}, {@code qfc_miner_active}, {@code qfc_miner_jailed},
 *       {@code qfc_miner_jail_remaining_seconds}, {@code qfc_miner_node_reachable}, {@code qfc_miner_node_latency_seconds},
 *       {@code qfc_miner_pending_proofs}.</li>
 * </ul>
 */
public final class MinerMetrics {
    private static final BigDecimal WEI_PER_QFC = new BigDecimal(BigInteger.TEN.pow(18));

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter proofs;
    private final Counter spotChecks;
    private final Counter tasks;
    private final Counter retries;
    private final Counter slashes;
    private final Histogram inference;
    private final Gauge governorState;

    /** Latency bucket bounds in seconds: from 1 ms, fine where embedding tasks fall (a few ms), coarse above. */
    static final double[] INFERENCE_BUCKETS = {0.001, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1,
        0.25, 0.5, 1, 2.5, 5, 10};

    /** The governor's states, as the {@code state} label of {@code qfc_miner_governor_state}. */
    static final String[] GOVERNOR_STATES = {"running", "throttled", "paused"};

    /**
     * @param snapshot the current snapshot, read at every scrape
     * @param version  the application's version, for {@code qfc_miner_build_info}
     */
    public MinerMetrics(Supplier<MinerSnapshot> snapshot, String version) {
        proofs = Counter.builder().name("qfc_miner_proofs_total").help("Proofs by the node's answer (or expired)")
                .labelNames("outcome").register(registry);
        for (String o : new String[] {"accepted", "rejected", "expired"}) {
            proofs.labelValues(o);
        }
        spotChecks = Counter.builder().name("qfc_miner_spot_checks_total").help("Proofs the node re-executed")
                .labelNames("result").register(registry);
        spotChecks.labelValues("passed");
        spotChecks.labelValues("failed");
        tasks = Counter.builder().name("qfc_miner_tasks_total").help("Tasks the node handed out").register(registry);
        retries = Counter.builder().name("qfc_miner_submit_retries_total")
                .help("Proof submissions sent again after a transient failure").register(registry);
        slashes = Counter.builder().name("qfc_miner_slashes_total").help("Stake slashes seen").register(registry);
        inference = Histogram.builder().name("qfc_miner_inference_seconds").help("Inference time per task")
                .labelNames("model", "backend").classicOnly().classicUpperBounds(INFERENCE_BUCKETS)
                .register(registry);
        Gauge.builder().name("qfc_miner_build_info").help("The miner's version and Java runtime (always 1)")
                .labelNames("version", "java_version").register(registry)
                .labelValues(version, System.getProperty("java.version", "unknown")).set(1);
        governorState = Gauge.builder().name("qfc_miner_governor_state")
                .help("1 for the resource governor's current state, 0 for the others").labelNames("state")
                .register(registry);
        setGovernorState("running");
        gauge("qfc_miner_stake_qfc", "Stake held by consensus, in QFC", snapshot,
                s -> s.standing().stake() == null ? Double.NaN : qfc(s.standing().stake()));
        gauge("qfc_miner_contribution_score", "Contribution score (0..10000)", snapshot,
                s -> orNaN(s.standing().contributionScore()));
        gauge("qfc_miner_inference_score", "Inference score (FLOPs accepted)", snapshot,
                s -> orNaN(s.standing().inferenceScore()));
        gauge("qfc_miner_tasks_completed", "Tasks the node counts as completed", snapshot,
                s -> orNaN(s.standing().tasksCompleted()));
        gauge("qfc_miner_active", "1 when the node shows the validator active", snapshot,
                s -> s.standing().known() ? (s.standing().active() ? 1 : 0) : Double.NaN);
        gauge("qfc_miner_jailed", "1 while the validator is jailed", snapshot, s -> s.standing().jailed() ? 1 : 0);
        gauge("qfc_miner_jail_remaining_seconds", "Estimated jail time left", snapshot,
                s -> s.standing().jailRemaining(java.time.Instant.now()).toMillis() / 1000.0);
        gauge("qfc_miner_node_reachable", "1 when the node answers", snapshot, s -> s.node().reachable() ? 1 : 0);
        gauge("qfc_miner_node_latency_seconds", "Last round trip to the node", snapshot,
                s -> s.node().latencyMs() < 0 ? Double.NaN : s.node().latencyMs() / 1000.0);
        gauge("qfc_miner_pending_proofs", "Signed proofs not answered yet", snapshot, s -> s.counters().pending());
    }

    private void gauge(String name, String help, Supplier<MinerSnapshot> snapshot, ToDoubleFunction<MinerSnapshot> f) {
        GaugeWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(f.applyAsDouble(snapshot.get()))).register(registry);
    }

    private void setGovernorState(String current) {
        for (String state : GOVERNOR_STATES) {
            governorState.labelValues(state).set(state.equals(current) ? 1 : 0);
        }
    }

    private static double orNaN(long v) {
        return v < 0 ? Double.NaN : v;
    }

    static double qfc(BigInteger wei) {
        return new BigDecimal(wei).divide(WEI_PER_QFC).doubleValue();
    }

    /** The registry the server exposes. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Counts what an event says. Call it from an {@code EventBus} subscription. */
    public void onEvent(MinerEvent e) {
        if (e instanceof MinerEvent.TaskReceived) {
            tasks.inc();
        } else if (e instanceof MinerEvent.InferenceDone d) {
            inference.labelValues(d.model(), d.backend() == null ? "unknown" : d.backend())
                    .observe(d.executionTimeMs() / 1000.0);
        } else if (e instanceof MinerEvent.ProofSubmitted s && s.attempt() > 1) {
            retries.inc();
        } else if (e instanceof MinerEvent.ProofResult r) {
            proofs.labelValues(r.accepted() ? "accepted" : "rejected").inc();
            if (r.spotChecked()) {
                spotChecks.labelValues(r.accepted() ? "passed" : "failed").inc();
            }
        } else if (e instanceof MinerEvent.ProofDropped) {
            proofs.labelValues("expired").inc();
        } else if (e instanceof MinerEvent.Slashed) {
            slashes.inc();
        } else if (e instanceof MinerEvent.Paused) {
            setGovernorState("paused");
        } else if (e instanceof MinerEvent.Throttled) {
            setGovernorState("throttled");
        } else if (e instanceof MinerEvent.Resumed) {
            setGovernorState("running");
        }
    }
}
