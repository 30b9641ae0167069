package network.qfc.miner.core.protocol.rpc;

/** {@code qfc_getEpoch}: the node's epoch number (counted from its genesis), its start time and length (10 s). */
public record EpochInfo(long number, long startTime, long durationMs) {
    static EpochInfo from(ResultObject o) {
        return new EpochInfo(o.number("number"), o.number("startTime"), o.number("durationMs"));
    }
}
