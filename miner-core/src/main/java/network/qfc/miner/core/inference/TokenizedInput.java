package network.qfc.miner.core.inference;

/**
 * A text as the model sees it: the real tokens only (ids, token type ids) and the encoding length the file's
 * padding would give, which the canonical mean divides by.
 */
public record TokenizedInput(long[] ids, long[] typeIds, int encodingLength) {
    public int tokens() {
        return ids.length;
    }
}
