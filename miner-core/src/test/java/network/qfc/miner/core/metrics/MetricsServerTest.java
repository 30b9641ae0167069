package network.qfc.miner.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import network.qfc.miner.core.events.LiveSnapshot;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import org.junit.jupiter.api.Test;

class MetricsServerTest {

    @Test
    void servesProofOutcomesLatencyAndStandingOnLoopback() throws Exception {
        Instant now = Instant.now();
        LiveSnapshot live = new LiveSnapshot(MinerSnapshot.starting("http://127.0.0.1:8545", "inference", now),
                Clock.systemUTC());
        BigInteger stake = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(9500));
        live.update(s -> s.withStanding(new MinerSnapshot.Standing(true, true, false, true, now.plusSeconds(60), stake,
                BigInteger.valueOf(-5), 4200, 7000, 3_000_000_000L, 3, null, null, null, null, now))
                .withNode(s.node().reached(12)));
        MinerMetrics metrics = new MinerMetrics(live::get, "9.9.9");
        String task = "ab".repeat(32);
        metrics.onEvent(new MinerEvent.TaskReceived(now, task, 1, "qfc-embed-small@v1.0", "embedding", 10,
                now.plusSeconds(30)));
        metrics.onEvent(new MinerEvent.InferenceDone(now, task, "qfc-embed-small@v1.0", 42, "00", "CPU"));
        metrics.onEvent(new MinerEvent.ProofResult(now, task, "qfc-embed-small@v1.0", true, true, "ok", 42, 1));
        metrics.onEvent(new MinerEvent.ProofResult(now, task, "qfc-embed-small@v1.0", false, true, "bad", 42, 1));
        metrics.onEvent(new MinerEvent.ProofDropped(now, task, "expired"));
        metrics.onEvent(new MinerEvent.ProofSubmitted(now, task, 2));

        try (MetricsServer server = MetricsServer.start(metrics, 0)) {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            String body = r.body();
            assertThat(body).contains("qfc_miner_proofs_total{outcome=\"accepted\"} 1.0")
                    .contains("qfc_miner_proofs_total{outcome=\"rejected\"} 1.0")
                    .contains("qfc_miner_proofs_total{outcome=\"expired\"} 1.0")
                    .contains("qfc_miner_spot_checks_total{result=\"failed\"} 1.0")
                    .contains("qfc_miner_tasks_total 1.0")
                    .contains("qfc_miner_submit_retries_total 1.0")
                    .contains("qfc_miner_inference_seconds_bucket{backend=\"CPU\",model=\"qfc-embed-small@v1.0\",le=\"0.05\"} 1")
                    .contains("qfc_miner_inference_seconds_count{backend=\"CPU\",model=\"qfc-embed-small@v1.0\"} 1")
                    .contains("qfc_miner_stake_qfc 9500.0")
                    .contains("qfc_miner_jailed 1.0")
                    .contains("qfc_miner_active 0.0")
                    .contains("qfc_miner_tasks_completed 3.0")
                    .contains("qfc_miner_node_reachable 1.0");
        }
    }
}
