package network.qfc.miner.core.protocol.rpc;

import java.util.Locale;

/**
 * The periods {@code qfc_getMinerEarnings} is asked for. The node also knows {@code "all"}, which can return many
 * megabytes; this client never asks for it.
 */
public enum EarningsPeriod {
    DAY("day"),
    WEEK("week"),
    MONTH("month");

    private final String wireName;

    EarningsPeriod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses {@code day}, {@code week} or {@code month}; refuses {@code all} and anything else. */
    public static EarningsPeriod parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (EarningsPeriod p : values()) {
            if (p.wireName.equals(t)) {
                return p;
            }
        }
        if (t.equals("all")) {
            throw new IllegalArgumentException("earnings for \"all\" time are not fetched (the answer can be many "
                    + "megabytes); use day, week or month");
        }
        throw new IllegalArgumentException("unknown earnings period '" + text + "'; use day, week or month");
    }
}
