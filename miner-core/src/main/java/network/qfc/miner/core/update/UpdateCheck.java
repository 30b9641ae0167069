package network.qfc.miner.core.update;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a newer version of the application is out: reads the release feed at most once a day (the answer is kept
 * in {@code update-check.json} in the data folder, so the app, {@code mine} and a restart share one check a day) and
 * never fails the caller: no network, a bad feed or a full disk only mean "nothing to say" (logged at debug).
 *
 * <p>Which feed: {@code QFC_UPDATE_FEED} (a URL, or {@code off}), else {@link ReleaseFeed#DEFAULT}. Tests and CI set
 * it to {@code off} or a loopback server, so they never reach the real one.
 */
public final class UpdateCheck {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateCheck.class);
    /** How often the feed is read. */
    public static final Duration INTERVAL = Duration.ofDays(1);
    public static final String FEED_VARIABLE = "QFC_UPDATE_FEED";
    static final String STATE_FILE = "update-check.json";

    private final ReleaseFeed feed;
    private final Path stateFile;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public UpdateCheck(ReleaseFeed feed, Path dataDir, Clock clock) {
        this.feed = feed;
        this.stateFile = dataDir.resolve(STATE_FILE);
        this.clock = clock;
    }

    /** The check this process's environment asks for, or empty when {@code QFC_UPDATE_FEED=off}. */
    public static Optional<UpdateCheck> configured(Map<String, String> env, Path dataDir) {
        String value = env.getOrDefault(FEED_VARIABLE, "").trim();
        if (value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        URI url = value.isEmpty() ? ReleaseFeed.DEFAULT : URI.create(value);
        return Optional.of(new UpdateCheck(new ReleaseFeed(url), dataDir, Clock.systemUTC()));
    }

    /** The newest release when it is newer than {@code currentVersion}; empty otherwise or when unknown. */
    public Optional<Release> newerThan(String currentVersion) {
        return latest(currentVersion).filter(r -> VersionOrder.newer(r.version(), currentVersion));
    }

    private Optional<Release> latest(String currentVersion) {
        Optional<State> known = readState();
        Instant now = clock.instant();
        if (known.isPresent() && known.get().feed().equals(feed.url().toString())
                && Duration.between(known.get().checkedAt(), now).compareTo(INTERVAL) < 0) {
            return known.get().release();
        }
        try {
            Optional<Release> latest = feed.latest("qfc-desktop-miner/" + currentVersion);
            writeState(new State(now, feed.url().toString(), latest.map(Release::version).orElse(null),
                    latest.map(Release::page).orElse(null)));
            return latest;
        } catch (IOException | RuntimeException e) {
            LOG.debug("update check against {} failed: {}", feed.url(), e.toString());
            return Optional.empty();
        }
    }

    /** What the last check found, as kept in the state file. */
    record State(Instant checkedAt, String feed, String version, String page) {
        Optional<Release> release() {
            return version == null ? Optional.empty() : Optional.of(new Release(version, page));
        }
    }

    private Optional<State> readState() {
        try {
            if (!Files.isRegularFile(stateFile)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, String> m = json.readValue(stateFile.toFile(), Map.class);
            return Optional.of(new State(Instant.parse(m.get("checkedAt")), String.valueOf(m.get("feed")),
                    m.get("version"), m.get("page")));
        } catch (IOException | RuntimeException e) {
            LOG.debug("update-check state {} unreadable: {}", stateFile, e.toString());
            return Optional.empty();
        }
    }

    private void writeState(State s) {
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = stateFile.resolveSibling(STATE_FILE + ".tmp");
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("checkedAt", s.checkedAt().toString());
            m.put("feed", s.feed());
            m.put("version", s.version());
            m.put("page", s.page());
            json.writeValue(tmp.toFile(), m);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot keep the update-check result in {}: {}", stateFile, e.toString());
        }
    }

    /** The one quiet line the app and {@code mine} show. */
    public static String notice(Release r, String currentVersion) {
        return "update: qfc-desktop-miner " + r.version() + " is out (this is " + currentVersion + ")"
                + (r.page().isEmpty() ? "" : ": " + r.page());
    }
}
