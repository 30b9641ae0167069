package network.qfc.miner.core.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal per network: {@code journals/<network key>.db} under the data folder, one {@link ProofJournal} each, so
 * history, counters, the feed and resends of one network never see another's tasks, and a proof is never sent to a
 * network it was not made for. The journal of the network used last (remembered in {@code journals/current}) is the
 * current one until a mining session identifies its node; with none yet, a journal written before networks were told
 * apart ({@code journal.db}) is shown as history, and never resent.
 *
 * <p>A development chain (a devnet) is a new network each time it starts; only the newest {@value #DEVNET_JOURNALS_KEPT}
 * of its journals are kept. Thread-safe; lives as long as the process and closes every journal it opened.
 */
public final class JournalShelf implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalShelf.class);
    static final int DEVNET_JOURNALS_KEPT = 5;
    private static final String CURRENT = "current";

    private final Path folder;
    private final Path legacy;
    private final Clock clock;
    private final Map<String, ProofJournal> open = new LinkedHashMap<>();
    private ProofJournal current;
    private boolean currentLoaded;
    private boolean closed;

    /** The shelf under {@code dataDir} ({@code dataDir/journals}, and the old {@code dataDir/journal.db}). */
    public JournalShelf(Path dataDir, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        this.folder = dataDir.resolve("journals");
        this.legacy = dataDir.resolve("journal.db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Opens the journal of the network used last under {@code dataDir} (tests and tools read what a run left). */
    public static ProofJournal openLastUsed(Path dataDir) {
        JournalShelf shelf = new JournalShelf(dataDir, Clock.systemUTC());
        Path f = shelf.lastUsedFile().orElseThrow(() -> new JournalException(JournalException.Reason.UNKNOWN_TASK,
                "no network was mined on with the data folder " + dataDir));
        return ProofJournal.open(f);
    }

    /**
     * The journal of {@code network}, opened (and created) once, made the current one and remembered as the network
     * used last.
     */
    public synchronized ProofJournal forNetwork(NetworkIdentity network) {
        ensureOpen();
        Path file = folder.resolve(network.key() + ".db");
        ProofJournal j = open.get(network.key());
        if (j == null) {
            j = ProofJournal.open(file, clock);
            try {
                j.claim(network);
            } catch (RuntimeException e) {
                j.close();
                throw e;
            }
            open.put(network.key(), j);
        }
        current = j;
        currentLoaded = true;
        remember(network.key());
        if (!NetworkIdentity.isPublic(network.chainId()) && network.genesisMs() != 0) {
            pruneDevnets(network);
        }
        return j;
    }

    /**
     * The journal the screens show: the network being mined, else the one used last; empty when there is none (or
     * the shelf was closed: the app is ending).
     */
    public synchronized Optional<ProofJournal> current() {
        if (closed) {
            return Optional.empty();
        }
        if (!currentLoaded) {
            currentLoaded = true;
            Optional<Path> f = lastUsedFile();
            if (f.isPresent()) {
                try {
                    current = ProofJournal.open(f.get(), clock);
                    open.put(f.get().getFileName().toString().replaceFirst("\\.db$", ""), current);
                } catch (JournalException e) {
                    LOG.warn("could not open the journal {}: {}", f.get(), e.getMessage());
                }
            }
        }
        return Optional.ofNullable(current);
    }

    private Optional<Path> lastUsedFile() {
        try {
            Path marker = folder.resolve(CURRENT);
            if (Files.isRegularFile(marker)) {
                String key = Files.readString(marker, StandardCharsets.UTF_8).trim();
                Path f = folder.resolve(key + ".db");
                if (!key.isEmpty() && Files.isRegularFile(f)) {
                    return Optional.of(f);
                }
            }
        } catch (IOException e) {
            LOG.debug("no network used last: {}", e.toString());
        }
        return Files.isRegularFile(legacy) ? Optional.of(legacy) : Optional.empty();
    }

    private void remember(String key) {
        try {
            Path tmp = folder.resolve(CURRENT + ".tmp");
            Files.writeString(tmp, key, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not remember the network used last in {}: {}", folder, e.getMessage());
        }
    }

    /** Keeps the newest journals of earlier starts of this development chain; deletes older ones (never open ones). */
    private void pruneDevnets(NetworkIdentity network) {
        String prefix = "chain-" + network.chainId() + "-";
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> olderStarts = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".db"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
            for (Path f : olderStarts.subList(Math.min(DEVNET_JOURNALS_KEPT, olderStarts.size()), olderStarts.size())) {
                String key = f.getFileName().toString().replaceFirst("\\.db$", "");
                if (!open.containsKey(key)) {
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Files.deleteIfExists(f.resolveSibling(f.getFileName() + suffix));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("could not prune old devnet journals: {}", e.toString());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new JournalException(JournalException.Reason.CLOSED, "the journals in " + folder + " are closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ProofJournal j : open.values()) {
            j.close();
        }
        open.clear();
        current = null;
    }
}
