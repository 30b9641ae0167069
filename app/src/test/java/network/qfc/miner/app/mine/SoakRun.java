package network.qfc.miner.app.mine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.faults.FaultyNode;
import network.qfc.miner.app.faults.FaultyNode.Fault;
import network.qfc.miner.core.journal.JournalEntry;
import network.qfc.miner.core.journal.JournalShelf;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.journal.TaskState;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.DevnetNode;

/**
 * The soak (run by {@code scripts/soak.sh}): a devnet, a {@link FaultyNode} in front of it injecting a fault into ~20 %
 * of calls, and the headless miner ({@code Main mine --json}) as a child process for N minutes. At the end it prints
 * proofs accepted, retried, dropped as expired, duplicates, lost, peak RSS and whether RSS grew; exit 1 when
 * duplicates or lost are not 0.
 */
public final class SoakRun {
    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(args.length > 0 ? args[0] : "30");
        double rate = Double.parseDouble(args.length > 1 ? args[1] : "0.2");
        long seconds = Math.max(30, Math.round(minutes * 60));
        Devnets.modelDir();
        Map<String, Integer> acceptedByNode = new ConcurrentHashMap<>();
        try (DevnetNode node = Devnets.start(Devnets.open());
             FaultyNode proxy = new FaultyNode(node.url())) {
            node.addListener(e -> {
                if (e instanceof DevnetEvent.ProofAnswered a && a.accepted()) {
                    acceptedByNode.merge(a.taskId(), 1, Integer::sum);
                }
            });
            proxy.hangMs(16_000);
            proxy.refuseMs(1_500);
            proxy.randomly(rate, 20261122L, List.of(Fault.values()));
            Path data = Devnets.dataDir("soak");
            Path keyFile = data.resolve("validator.key");
            Devnets.newKeyFile(keyFile);
            Process miner = mine(data, keyFile, proxy.url(), seconds);
            System.out.printf("soak: %d s, %.0f %% of calls faulty, miner pid %d, data %s%n", seconds, rate * 100,
                    miner.pid(), data);
            List<Long> rssKb = new ArrayList<>();
            long peakKb = 0;
            long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 180);
            while (miner.isAlive() && System.nanoTime() < end) {
                peakKb = Math.max(peakKb, status(miner.pid(), "VmHWM"));
                if (System.nanoTime() >= next) {
                    long rss = status(miner.pid(), "VmRSS");
                    if (rss > 0) {
                        rssKb.add(rss);
                    }
                    next += TimeUnit.SECONDS.toNanos(30);
                }
                miner.waitFor(1, TimeUnit.SECONDS);
            }
            if (miner.isAlive()) {
                System.out.println("soak: the miner did not stop by itself; killing it");
                miner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            report(data, proxy, acceptedByNode, miner.exitValue(), peakKb, rssKb);
        }
    }

    private static Process mine(Path data, Path keyFile, String rpc, long seconds) throws IOException {
        // the launcher's garbage collector, so the RSS figures are what a user's miner does
        return Devnets.childMiner(List.of("-XX:+UseSerialGC"), data, keyFile, rpc, "miner",
                "--duration", Long.toString(seconds));
    }

    /** A kB figure from /proc/PID/status (0 when unreadable). */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static void report(Path data, FaultyNode proxy, Map<String, Integer> acceptedByNode, int exit, long peakKb,
                               List<Long> rssKb) {
        List<JournalEntry> rows;
        try (ProofJournal j = JournalShelf.openLastUsed(data)) {
            rows = j.recent(1_000_000);
        }
        long accepted = rows.stream().filter(e -> Boolean.TRUE.equals(e.accepted())).count();
        long refused = rows.stream().filter(e -> e.state() == TaskState.ANSWERED && !Boolean.TRUE.equals(e.accepted()))
                .count();
        long retried = rows.stream().mapToLong(e -> Math.max(0, e.attempts() - 1)).sum();
        long retriedProofs = rows.stream().filter(e -> e.attempts() > 1).count();
        long expired = rows.stream().filter(e -> e.state() == TaskState.EXPIRED).count();
        long failed = rows.stream().filter(e -> e.state() == TaskState.FAILED).count();
        long lost = rows.stream().filter(e -> !e.state().isTerminal()).count();
        // a task the node credited twice: only a resend after a lost answer may cause it (the node does not de-duplicate)
        Map<String, Integer> forwardedCount = new java.util.HashMap<>();
        for (FaultyNode.Forwarded f : proxy.forwarded()) {
            forwardedCount.merge(f.taskId(), 1, Integer::sum);
        }
        long duplicates = 0;
        long duplicatesAfterLostAnswer = 0;
        for (Map.Entry<String, Integer> e : acceptedByNode.entrySet()) {
            if (e.getValue() > 1) {
                boolean sameBytes = proxy.forwardedProofs(e.getKey()).stream().distinct().count() == 1;
                if (sameBytes && proxy.injected(Fault.ANSWER_LOST) > 0) {
                    duplicatesAfterLostAnswer++;
                } else {
                    duplicates++;
                }
            }
        }
        // journaled tasks whose every send is accounted for: the node never saw more sends than the journal counted
        long unjournaledSends = rows.stream()
                .filter(e -> forwardedCount.getOrDefault(e.taskId(), 0) > e.attempts()).count();
        String grew = "n/a (fewer than 3 samples)";
        if (rssKb.size() >= 3) {
            int third = rssKb.size() / 3;
            double first = rssKb.subList(0, third).stream().mapToLong(Long::longValue).average().orElse(0);
            double last = rssKb.subList(rssKb.size() - third, rssKb.size()).stream().mapToLong(Long::longValue)
                    .average().orElse(0);
            grew = String.format("%s (first third %.0f MiB, last third %.0f MiB, %+.1f %%)",
                    last > first * 1.10 ? "YES" : "no", first / 1024, last / 1024, (last - first) * 100 / first);
        }
        System.out.println("---- soak result ----");
        System.out.println("miner exit code        " + exit);
        System.out.println("faults injected        " + proxy.totalInjected() + " " + faultCounts(proxy));
        System.out.println("tasks journaled        " + rows.size());
        System.out.println("proofs accepted        " + accepted);
        System.out.println("proofs refused         " + refused + " (answered accepted:false, incl. malformed answers taken as final)");
        System.out.println("retried                " + retried + " resends of " + retriedProofs + " proofs");
        System.out.println("dropped as expired     " + expired);
        System.out.println("failed (not run)       " + failed);
        System.out.println("duplicates             " + duplicates + " (plus " + duplicatesAfterLostAnswer
                + " same-bytes resends after a lost answer the devnet credited again; sends not journaled: "
                + unjournaledSends + ")");
        System.out.println("lost                   " + lost + " (journal entries without a final fate)");
        System.out.println("peak RSS (VmHWM)       " + (peakKb / 1024) + " MiB");
        System.out.println("RSS grew               " + grew + ", " + rssKb.size() + " samples every 30 s");
        if (duplicates != 0 || lost != 0 || unjournaledSends != 0) {
            System.exit(1);
        }
    }

    private static String faultCounts(FaultyNode proxy) {
        StringBuilder b = new StringBuilder("(");
        for (Fault f : Fault.values()) {
            if (proxy.injected(f) > 0) {
                b.append(b.length() > 1 ? ", " : "").append(f.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(proxy.injected(f));
            }
        }
        return b.append(')').toString();
    }
}
