package network.qfc.miner.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import network.qfc.miner.core.events.LiveSnapshot;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scrapes the real server on loopback, parses the text exposition and checks every family against the Prometheus
 * naming conventions (https://prometheus.io/docs/practices/naming/): one application prefix, base units, counters
 * ending in {@code _total}, {@code _info} gauges at 1, valid label names, and the histogram's buckets.
 */
class ExpositionConventionsTest {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([^=,]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    record Family(String name, String type, String help, List<Sample> samples) {
    }

    private static Map<String, Family> families;

    @BeforeAll
    static void scrape() throws Exception {
        Instant now = Instant.now();
        LiveSnapshot live = new LiveSnapshot(MinerSnapshot.starting("http://127.0.0.1:8545", "inference", now),
                Clock.systemUTC());
        MinerMetrics metrics = new MinerMetrics(live::get, "1.2.3");
        String task = "cd".repeat(32);
        metrics.onEvent(new MinerEvent.InferenceDone(now, task, "qfc-embed-small@v1.0", 3, "00", "CPU"));
        metrics.onEvent(new MinerEvent.InferenceDone(now, task, "qfc-embed-small@v1.0", 4, "00", "CPU"));
        metrics.onEvent(new MinerEvent.Throttled(now, "throttled: CPU cap 50%"));
        try (MetricsServer server = MetricsServer.start(metrics, 0)) {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            families = parse(r.body());
        }
    }

    /** The text format 0.0.4: # HELP, # TYPE, then the family's samples. */
    static Map<String, Family> parse(String body) {
        Map<String, Family> out = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        Family current = null;
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] p = line.substring(7).split(" ", 2);
                help.put(p[0], p.length > 1 ? p[1] : "");
            } else if (line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ");
                current = new Family(p[0], p[1], help.get(p[0]), new ArrayList<>());
                out.put(p[0], current);
            } else if (!line.startsWith("#")) {
                Matcher m = SAMPLE.matcher(line);
                assertThat(m.matches()).as("sample line %s", line).isTrue();
                assertThat(current).as("a sample before any # TYPE: %s", line).isNotNull();
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find()) {
                        labels.put(l.group(1), l.group(2));
                    }
                }
                assertThat(m.group(1)).as("sample %s belongs to family %s", line, current.name())
                        .startsWith(current.name());
                current.samples().add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4).replace("Inf", "Infinity"))));
            }
        }
        return out;
    }

    @Test
    void everyFamilyIsNamedByTheConventions() {
        assertThat(families).isNotEmpty();
        for (Family f : families.values()) {
            assertThat(f.name()).as("name").matches(METRIC_NAME).startsWith("qfc_miner_").doesNotContain("__");
            assertThat(f.help()).as("help of %s", f.name()).isNotBlank();
            assertThat(f.name()).as("%s: base units (seconds, bytes), not ms/kb", f.name())
                    .doesNotContainPattern("_(ms|milliseconds|kb|mb|minutes|hours)(_|$)");
            if (f.type().equals("counter")) {
                assertThat(f.name()).as("counter family %s", f.name()).endsWith("_total");
            } else {
                assertThat(f.name()).as("non-counter %s", f.name()).doesNotEndWith("_total");
            }
            for (Sample s : f.samples()) {
                assertThat(s.labels().keySet()).allSatisfy(l -> assertThat(l).matches(LABEL_NAME).doesNotStartWith("__"));
            }
        }
    }

    @Test
    void buildInfoIsAGaugeAtOneWithTheVersion() {
        Family info = families.get("qfc_miner_build_info");
        assertThat(info.type()).isEqualTo("gauge");
        assertThat(info.samples()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(1.0);
            assertThat(s.labels()).containsEntry("version", "1.2.3").containsKey("java_version");
        });
    }

    @Test
    void governorStateMarksExactlyTheCurrentState() {
        Family g = families.get("qfc_miner_governor_state");
        assertThat(g.type()).isEqualTo("gauge");
        assertThat(g.samples()).extracting(s -> s.labels().get("state"))
                .containsExactlyInAnyOrder("running", "throttled", "paused");
        assertThat(g.samples()).filteredOn(s -> s.value() == 1.0).extracting(s -> s.labels().get("state"))
                .containsExactly("throttled");
    }

    @Test
    void theLatencyHistogramStartsAtOneMillisecondAndCarriesModelAndBackend() {
        Family h = families.get("qfc_miner_inference_seconds");
        assertThat(h.type()).isEqualTo("histogram");
        List<Sample> buckets = h.samples().stream().filter(s -> s.name().endsWith("_bucket")).toList();
        assertThat(buckets).allSatisfy(s -> assertThat(s.labels())
                .containsEntry("model", "qfc-embed-small@v1.0").containsEntry("backend", "CPU"));
        assertThat(buckets.get(0).labels()).containsEntry("le", "0.001");
        assertThat(buckets.get(buckets.size() - 1).labels()).containsEntry("le", "+Inf");
        Map<String, Double> byLe = new LinkedHashMap<>();
        buckets.forEach(b -> byLe.put(b.labels().get("le"), b.value()));
        // 3 ms and 4 ms fall in separate buckets: the resolution the issue asked for
        assertThat(byLe).containsEntry("0.002", 0.0).containsEntry("0.003", 1.0).containsEntry("0.004", 2.0)
                .containsEntry("+Inf", 2.0);
        assertThat(h.samples()).anySatisfy(s -> assertThat(s.name()).isEqualTo("qfc_miner_inference_seconds_count"));
    }
}
