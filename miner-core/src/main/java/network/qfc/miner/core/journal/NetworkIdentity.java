package network.qfc.miner.core.journal;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Which chain a journal belongs to: the node's chain id, plus, for a chain that is not the public testnet or mainnet
 * (a devnet, a private chain), its genesis time, so a devnet started again is a new network with a journal of its
 * own (its task ids start over with each start). When the node does not say its chain id, the endpoint stands in.
 *
 * @param chainId   the node's chain id, or {@link #UNKNOWN_CHAIN} when it did not say
 * @param genesisMs when a development chain began (0 for the public chains, or when unknown)
 * @param endpoint  the node's address; part of the identity only when the chain id is unknown
 */
public record NetworkIdentity(long chainId, long genesisMs, String endpoint) {
    public static final long UNKNOWN_CHAIN = -1;
    public static final long TESTNET = 9000;
    public static final long MAINNET = 9001;

    public NetworkIdentity {
        Objects.requireNonNull(endpoint, "endpoint");
        if (isPublic(chainId)) {
            genesisMs = 0; // one public chain per id: a node restart is the same network
        }
    }

    /** A public chain (testnet, mainnet), identified by its id alone. */
    public static boolean isPublic(long chainId) {
        return chainId == TESTNET || chainId == MAINNET;
    }

    /** A name fit for a file, the same for the same network every time. */
    public String key() {
        if (chainId == UNKNOWN_CHAIN) {
            String host = hostPort(endpoint).replaceAll("[^A-Za-z0-9.-]", "_");
            return "node-" + host.toLowerCase(Locale.ROOT);
        }
        return genesisMs == 0 ? "chain-" + chainId : "chain-" + chainId + "-" + genesisMs;
    }

    /** For a person: "mainnet (chain 9001)", "chain 1337 started 2026-12-07T06:54:19Z", ... */
    public String describe() {
        if (chainId == TESTNET) {
            return "testnet (chain 9000)";
        }
        if (chainId == MAINNET) {
            return "mainnet (chain 9001)";
        }
        if (chainId == UNKNOWN_CHAIN) {
            return "the node at " + hostPort(endpoint) + " (chain id not known)";
        }
        return genesisMs == 0 ? "chain " + chainId
                : "chain " + chainId + " started " + Instant.ofEpochMilli(genesisMs).toString();
    }

    private static String hostPort(String endpoint) {
        try {
            URI u = URI.create(endpoint);
            if (u.getHost() != null) {
                return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            }
        } catch (IllegalArgumentException e) {
            // fall through: the text itself
        }
        return endpoint;
    }
}
