package network.qfc.miner.core.mining;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import network.qfc.miner.core.events.MinerEvent;
import network.qfc.miner.core.events.MinerFeed;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.protocol.ProofLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which proof layout a node decodes (see {@link ProofLayout} and the protocol page's "Node generations"), negotiated
 * once per endpoint and kept in the journal so a restart does not negotiate again. A node whose layout is not known
 * gets C first; a node that cannot decode a proof answers JSON-RPC -32000 "Failed to deserialize proof", and the
 * proof is re-encoded (and re-signed) in the next layout of C, B, A that it has not tried (B before A matters: a B
 * node reads an A proof's CPU tag as ROCm and accepts it). The first proof the node decodes decides its layout.
 * Thread-safe.
 */
public final class LayoutNegotiator {
    private static final Logger LOG = LoggerFactory.getLogger(LayoutNegotiator.class);

    private final ProofJournal journal;
    private final String endpoint;
    private final MinerFeed feed;
    private volatile ProofLayout known;
    /** How long the others wait for the proof finding out the layout (it may meet transient failures only). */
    static final java.time.Duration NEGOTIATION_TURN = java.time.Duration.ofSeconds(5);

    /** The task whose proof is finding out the node's layout (one at a time, so one proof pays for it), or null. */
    private String negotiatingTask;
    private java.time.Instant negotiatingSince = java.time.Instant.MIN;

    /**
     * @param endpoint the node as the journal keys it (scheme, host and port: {@code QfcRpcClient.nodeName()})
     */
    public LayoutNegotiator(ProofJournal journal, String endpoint, MinerFeed feed) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.known = journal.nodeLayout(endpoint).flatMap(LayoutNegotiator::parse).orElse(null);
        if (known != null) {
            show(known, "remembered from an earlier run");
        }
    }

    private static Optional<ProofLayout> parse(String s) {
        try {
            return Optional.of(ProofLayout.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the proof of {@code taskId} may be sent now: yes once the layout is known, and while it is not, unless
     * another proof is in the middle of finding it out (it goes first; the others are then re-encoded in the answer),
     * for at most 5 s (that proof may meet only transient failures).
     */
    public synchronized boolean mayNegotiate(String taskId) {
        return known != null || negotiatingTask == null || negotiatingTask.equals(taskId)
                || feed.now().isAfter(negotiatingSince.plus(NEGOTIATION_TURN));
    }

    /** The proof of {@code taskId} was refused as undecodable and is trying the next layout. */
    public synchronized void negotiating(String taskId) {
        if (known == null && negotiatingTask == null) {
            negotiatingTask = taskId;
            negotiatingSince = feed.now();
        }
    }

    /** The proof of {@code taskId} is settled (answered or dropped): it no longer holds the negotiation. */
    public synchronized void settled(String taskId) {
        if (taskId.equals(negotiatingTask)) {
            negotiatingTask = null;
        }
    }

    /** The layout to encode a new proof in: the node's, or C while it is not known. */
    public ProofLayout current() {
        ProofLayout k = known;
        return k != null ? k : ProofLayout.negotiationOrder().get(0);
    }

    /** The node's layout, once a proof in it was accepted (now or in an earlier run). */
    public Optional<ProofLayout> known() {
        return Optional.ofNullable(known);
    }

    /**
     * The node could not decode a proof in {@code refused}; {@code tried} holds the layouts this proof was already
     * sent in. The next layout to try, in the order C, B, A; empty when none is left (the node decodes none of them).
     */
    public Optional<ProofLayout> next(ProofLayout refused, Set<ProofLayout> tried) {
        Set<ProofLayout> done = EnumSet.copyOf(tried);
        done.add(refused);
        if (refused == known) {
            LOG.info("{} no longer decodes {}: negotiating again", endpoint, refused.displayName());
            known = null;
            journal.forgetNodeLayout(endpoint);
        }
        return ProofLayout.negotiationOrder().stream().filter(l -> !done.contains(l)).findFirst();
    }

    /**
     * The node decoded a proof in {@code layout} (it answered anything but "Failed to deserialize proof": accepted, or
     * refused for another reason, which it could only give after decoding): that is the node's layout, remembered in
     * the journal.
     */
    public void decodes(ProofLayout layout) {
        if (layout == known) {
            return;
        }
        synchronized (this) {
            if (layout == known) {
                return;
            }
            journal.rememberNodeLayout(endpoint, layout.name());
            known = layout;
            negotiatingTask = null;
        }
        LOG.info("{} takes {} ({})", endpoint, layout.displayName(), layout.nodes());
        show(layout, "negotiated: the node decoded a proof in it");
    }

    private void show(ProofLayout layout, String how) {
        feed.update(s -> s.withNode(s.node().layout(layout.name())));
        feed.publish(new MinerEvent.ProofLayoutChosen(feed.now(), endpoint, layout.name(), how));
    }
}
