package network.qfc.miner.core.journal;

import static network.qfc.miner.core.journal.JournalFixtures.*;

import java.nio.file.Path;

/**
 * A miner stand-in run in its own JVM by {@link JournalCrashTest}, which kills it with SIGKILL. Usage:
 * {@code <db> signed|attempted|stream}. After each durable step it prints a line, then (except in stream mode)
 * waits to be killed.
 */
public final class JournalCrashChild {
    private JournalCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        ProofJournal j = ProofJournal.open(Path.of(args[0]));
        long now = System.currentTimeMillis();
        switch (args[1]) {
            case "signed" -> {
                signed(j, 1, now, now + 3_600_000);
                System.out.println("READY");
            }
            case "attempted" -> {
                signed(j, 1, now, now + 3_600_000);
                j.beginSubmitAttempt(id(1));
                j.beginSubmitAttempt(id(1));
                System.out.println("READY");
            }
            case "stream" -> {
                for (int n = 1; ; n++) {
                    signed(j, n, now, now + 3_600_000);
                    System.out.println("SIGNED " + n);
                    if (n % 2 == 0) {
                        j.beginSubmitAttempt(id(n));
                        System.out.println("ATTEMPT " + n);
                    }
                    System.out.flush();
                }
            }
            default -> throw new IllegalArgumentException(args[1]);
        }
        System.out.flush();
        Thread.sleep(600_000); // killed long before this
    }
}
