package network.qfc.miner.core.mining;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The node's refusals, in the words each generation uses (see the protocol page, "Node generations"). */
class NodeWordsTest {
    @Test
    void aNodeThatForgotTheMiner() {
        assertThat(NodeWords.forgotten("Unknown miner — register first via qfc_registerMiner")).isTrue();
        assertThat(NodeWords.forgotten("Unknown validator")).isTrue();
        assertThat(NodeWords.forgotten("Proof rejected: Invalid proof signature")).isFalse();
        assertThat(NodeWords.forgotten(null)).isFalse();
    }

    @Test
    void theEpochAnANodeExpects() {
        assertThat(NodeWords.expectedEpoch("Proof rejected: Epoch mismatch: expected 12, got 176512345"))
                .hasValue(12);
        assertThat(NodeWords.expectedEpoch("Proof rejected: Epoch mismatch")).isEmpty();
        assertThat(NodeWords.expectedEpoch("expected 5 bytes")).as("not an epoch refusal").isEmpty();
    }

    @Test
    void theTimeRuleOfCNodes() {
        assertThat(NodeWords.outsideTimeWindow(
                "Proof rejected: Proof expired: submitted at 100, but current time is 300 (200s old, max 120s)")).isTrue();
        assertThat(NodeWords.outsideTimeWindow("Proof rejected: Proof timestamp is in the future: 400 > 300 + 10s"))
                .isTrue();
        assertThat(NodeWords.outsideTimeWindow("Proof rejected: Epoch mismatch: expected 1, got 3")).isFalse();
    }

    @Test
    void undecodableAndDuplicate() {
        assertThat(NodeWords.undecodable("Failed to deserialize proof: Unexpected length of input")).isTrue();
        assertThat(NodeWords.duplicate("Proof rejected: duplicate")).isTrue();
        assertThat(NodeWords.duplicate("Proof rejected: spot-check failed (output hash mismatch)")).isFalse();
    }
}
