package network.qfc.miner.core.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update check against a real HTTP server on loopback serving a GitHub-style Atom feed of releases. */
class UpdateCheckTest {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Release notes from qfc-desktop-miner</title>
              <entry><title>v0.3.0-rc1</title><link rel="alternate" href="https://example.invalid/tag/v0.3.0-rc1"/></entry>
              <entry><title>v0.2.1</title><link rel="alternate" href="https://example.invalid/tag/v0.2.1"/></entry>
              <entry><title>v0.10.0</title><link rel="alternate" href="https://example.invalid/tag/v0.10.0"/></entry>
              <entry><title>v0.2.0</title><link rel="alternate" href="https://example.invalid/tag/v0.2.0"/></entry>
            </feed>
            """;

    @TempDir
    Path data;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>(FEED);
    private URI url;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/releases.atom", ex -> {
            requests.incrementAndGet();
            userAgent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/releases.atom");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void findsTheHighestReleaseAndLeavesPreReleasesOut() {
        UpdateCheck check = new UpdateCheck(new ReleaseFeed(url), data, Clock.systemUTC());
        assertThat(check.newerThan("0.1.0")).contains(new Release("0.10.0", "https://example.invalid/tag/v0.10.0"));
        assertThat(userAgent.get()).isEqualTo("qfc-desktop-miner/0.1.0");
    }

    @Test
    void saysNothingWhenThisIsTheNewestOrNewer() {
        assertThat(new UpdateCheck(new ReleaseFeed(url), data, Clock.systemUTC()).newerThan("0.10.0")).isEmpty();
        assertThat(new UpdateCheck(new ReleaseFeed(url), data.resolve("b"), Clock.systemUTC()).newerThan("1.0")).isEmpty();
    }

    @Test
    void aSnapshotIsOlderThanItsRelease() {
        assertThat(VersionOrder.newer("0.2.0", "0.2.0-SNAPSHOT")).isTrue();
        assertThat(VersionOrder.newer("0.2.0", "0.2.0")).isFalse();
        assertThat(VersionOrder.newer("1.2", "1.2.0")).isFalse();
        assertThat(VersionOrder.newer("0.3.0-rc1", "0.2.0")).isFalse();
    }

    @Test
    void readsTheFeedAtMostOnceADay() {
        Instant t0 = Instant.parse("2026-12-07T08:00:00Z");
        assertThat(new UpdateCheck(new ReleaseFeed(url), data, at(t0)).newerThan("0.1.0")).isPresent();
        assertThat(new UpdateCheck(new ReleaseFeed(url), data, at(t0.plus(Duration.ofHours(23)))).newerThan("0.1.0"))
                .as("the kept answer").isPresent();
        assertThat(requests.get()).isEqualTo(1);
        body.set(FEED.replace("v0.10.0", "v0.11.0").replace("tag/v0.10.0", "tag/v0.11.0"));
        assertThat(new UpdateCheck(new ReleaseFeed(url), data, at(t0.plus(Duration.ofHours(25)))).newerThan("0.1.0"))
                .map(Release::version).contains("0.11.0");
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aFeedThatIsDownOrNotAtomMeansNothingToSayNotAnError() {
        body.set("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><feed>&e;</feed>");
        assertThat(new UpdateCheck(new ReleaseFeed(url), data, Clock.systemUTC()).newerThan("0.1.0")).isEmpty();
        server.stop(0);
        assertThat(new UpdateCheck(new ReleaseFeed(url), data.resolve("c"), Clock.systemUTC()).newerThan("0.1.0"))
                .isEmpty();
    }

    @Test
    void theEnvironmentChoosesTheFeedOrTurnsTheCheckOff() {
        assertThat(UpdateCheck.configured(Map.of("QFC_UPDATE_FEED", "off"), data)).isEmpty();
        assertThat(UpdateCheck.configured(Map.of("QFC_UPDATE_FEED", url.toString()), data).orElseThrow()
                .newerThan("0.1.0")).isPresent();
        // under Maven the build itself sets it to off, so no test can reach the real feed
        assertThat(System.getenv("QFC_UPDATE_FEED")).isEqualTo("off");
    }

    @Test
    void theNoticeIsOneLineWithTheReleasePage() {
        assertThat(UpdateCheck.notice(new Release("0.2.0", "https://example.invalid/tag/v0.2.0"), "0.1.0"))
                .isEqualTo("update: qfc-desktop-miner 0.2.0 is out (this is 0.1.0): https://example.invalid/tag/v0.2.0")
                .doesNotContain("\n");
    }
}
