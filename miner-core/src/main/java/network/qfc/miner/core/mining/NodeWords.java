package network.qfc.miner.core.mining;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a node's refusal of a proof means, read from its words (every generation answers in text; see the protocol
 * page, "Node generations"). Pure functions of the message.
 */
final class NodeWords {
    private static final Pattern EXPECTED_EPOCH = Pattern.compile("expected\\s+(\\d+)", Pattern.CASE_INSENSITIVE);

    private NodeWords() {
    }

    private static String lower(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT);
    }

    /**
     * The node does not know this key (it restarted and its in-memory registry is empty, or another node behind the
     * same URL answered): "Unknown miner — register first via qfc_registerMiner" (C) or "Unknown validator" (A, B).
     * Register again and send the same proof again; never a rejection.
     */
    static boolean forgotten(String message) {
        String m = lower(message);
        return m.contains("unknown validator") || m.contains("unknown miner") || m.contains("register first");
    }

    /** The node already has this proof (a resend after a lost answer): it was accepted the first time. */
    static boolean duplicate(String message) {
        String m = lower(message);
        return m.contains("duplicate") || m.contains("already submitted") || m.contains("already been submitted")
                || m.contains("already accepted");
    }

    /** The node could not decode the proof's bytes (another proof layout): JSON-RPC -32000 "Failed to deserialize". */
    static boolean undecodable(String message) {
        return lower(message).contains("failed to deserialize proof");
    }

    /** A C node's time rule: the proof's timestamp is too old ("Proof expired") or ahead of its clock ("in the future"). */
    static boolean outsideTimeWindow(String message) {
        String m = lower(message);
        return m.contains("proof expired") || m.contains("timestamp is in the future");
    }

    /** An A node's epoch rule: "Epoch mismatch: expected N, got M"; the epoch the node wants, when it says it. */
    static OptionalLong expectedEpoch(String message) {
        String m = lower(message);
        if (!m.contains("epoch mismatch")) {
            return OptionalLong.empty();
        }
        Matcher e = EXPECTED_EPOCH.matcher(m);
        if (!e.find()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(e.group(1)));
        } catch (NumberFormatException ex) {
            return OptionalLong.empty();
        }
    }

    /** An epoch refusal, whether or not it names the expected epoch. */
    static boolean epochMismatch(String message) {
        return lower(message).contains("epoch mismatch");
    }
}
