package network.qfc.miner.devnet.rpc;

import static network.qfc.miner.devnet.rpc.NodeParsing.hexQuantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.devnet.chain.DevnetState;
import network.qfc.miner.devnet.chain.EpochClock;
import network.qfc.miner.devnet.chain.ScoreBreakdown;
import network.qfc.miner.devnet.chain.ValidatorStanding;
import network.qfc.miner.devnet.rewards.RewardBook;
import network.qfc.miner.devnet.verify.ApprovedModels;

/**
 * The read-only methods: validators, score breakdown, stake, contribution score, epoch, node info, supported models,
 * inference stats (v2.0 shapes and encodings), and the v2.2 earnings and vesting.
 */
public final class StandingMethods {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The devnet's chain id: 1337. */
    public static final long CHAIN_ID = 0x539;
    /** What a devnet playing v2.0 (or the ROCm era) reports; the newest generation reports 2.2.0-devnet. */
    public static final String NODE_VERSION = "0.1.0-devnet";

    private final DevnetState state;
    private final EpochClock epochs;
    private final RewardBook rewards;
    private final String nodeVersion;

    public StandingMethods(DevnetState state, EpochClock epochs, RewardBook rewards) {
        this(state, epochs, rewards, NODE_VERSION);
    }

    public StandingMethods(DevnetState state, EpochClock epochs, RewardBook rewards, String nodeVersion) {
        this.state = state;
        this.epochs = epochs;
        this.rewards = rewards;
        this.nodeVersion = nodeVersion;
    }

    public void registerOn(RpcDispatcher rpc) {
        rpc.register("qfc_getValidators", p -> validators())
                .register("qfc_getValidatorScoreBreakdown", this::scoreBreakdown)
                .register("qfc_getStake", this::stake)
                .register("qfc_getContributionScore", this::contributionScore)
                .register("qfc_getEpoch", p -> epoch())
                .register("qfc_nodeInfo", p -> nodeInfo())
                .register("qfc_getSupportedModels", p -> supportedModels())
                .register("qfc_getInferenceStats", p -> inferenceStats())
                .register("qfc_getMinerEarnings", this::minerEarnings)
                .register("qfc_getMinerVesting", this::minerVesting);
    }

    JsonNode validators() {
        List<ValidatorStanding> all = state.validators();
        ArrayNode out = JSON.arrayNode();
        for (ValidatorStanding v : all) {
            ObjectNode o = out.addObject();
            o.put("address", v.address().toString());
            o.put("stake", hexQuantity(v.chainStakeWei()));
            o.put("contributionScore", hexQuantity(ScoreBreakdown.of(v, all).total()));
            o.put("uptime", hexQuantity(ScoreBreakdown.UPTIME_BPS));
            o.put("isActive", v.isActive());
            o.put("providesCompute", v.providesCompute());
            o.put("hashrate", "0");
            o.put("inferenceScore", Long.toUnsignedString(v.inferenceScore()));
            o.put("computeMode", v.computeMode());
            o.put("tasksCompleted", Long.toUnsignedString(v.tasksCompleted()));
        }
        return out;
    }

    private ValidatorStanding requireValidator(Address address) {
        return state.standing(address).orElseThrow(() -> RpcError.nodeInvalidParams("Validator not found"));
    }

    JsonNode scoreBreakdown(JsonNode params) {
        Address address = NodeParsing.address(SerdeParams.string(params, 0));
        ValidatorStanding v = requireValidator(address);
        ScoreBreakdown b = ScoreBreakdown.of(v, state.validators());
        ObjectNode o = JSON.objectNode();
        o.put("address", address.toString());
        o.put("totalScore", hexQuantity(b.total()));
        o.put("stake", hexQuantity(v.consensusStakeWei()));
        o.put("stakeScore", hexQuantity(b.stakeScore()));
        o.put("computeScore", hexQuantity(b.computeScore()));
        o.put("uptimeScore", hexQuantity(b.uptimeScore()));
        o.put("accuracyScore", hexQuantity(b.accuracyScore()));
        o.put("networkScore", hexQuantity(b.networkScore()));
        o.put("storageScore", hexQuantity(b.storageScore()));
        o.put("reputationScore", hexQuantity(b.reputationScore()));
        ObjectNode m = o.putObject("metrics");
        m.put("uptimePercent", percent(ScoreBreakdown.UPTIME_BPS / 10000.0));
        m.put("accuracyPercent", percent(ScoreBreakdown.ACCURACY_BPS / 10000.0));
        m.put("reputationPercent", percent(v.reputation() / 10000.0));
        m.put("avgLatencyMs", ScoreBreakdown.AVG_LATENCY_MS);
        m.put("bandwidthMbps", ScoreBreakdown.BANDWIDTH_MBPS);
        m.put("storageGb", 0);
        m.put("providesCompute", v.providesCompute());
        m.put("hashrate", "0x0");
        m.put("blocksProduced", "0x0");
        m.put("validVotes", "0x0");
        m.put("invalidVotes", "0x0");
        return o;
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio * 100.0);
    }

    /** Chain state: a slash does not move it (as in v2.0); 0x0 for an address that is not a validator. */
    JsonNode stake(JsonNode params) {
        Address address = NodeParsing.address(SerdeParams.string(params, 0));
        Optional<ValidatorStanding> v = state.standing(address);
        return JSON.textNode(hexQuantity(v.map(ValidatorStanding::chainStakeWei).orElse(BigInteger.ZERO)));
    }

    JsonNode contributionScore(JsonNode params) {
        Address address = NodeParsing.address(SerdeParams.string(params, 0));
        List<ValidatorStanding> all = state.validators();
        long score = all.stream().filter(v -> v.address().equals(address)).findFirst()
                .map(v -> ScoreBreakdown.of(v, all).total()).orElse(0L);
        return JSON.textNode(hexQuantity(score));
    }

    JsonNode epoch() {
        long n = epochs.current();
        ObjectNode o = JSON.objectNode();
        o.put("number", hexQuantity(n));
        o.put("startTime", hexQuantity(epochs.startTimeMs(n)));
        o.put("durationMs", hexQuantity(epochs.epochMs()));
        return o;
    }

    JsonNode nodeInfo() {
        ObjectNode o = JSON.objectNode();
        o.put("version", nodeVersion);
        o.put("chainId", hexQuantity(CHAIN_ID));
        o.put("peerCount", 0);
        o.put("isValidator", false);
        o.put("syncing", false);
        return o;
    }

    JsonNode supportedModels() {
        ArrayNode out = JSON.arrayNode();
        for (ApprovedModels.Model m : ApprovedModels.V2) {
            ObjectNode o = out.addObject();
            o.put("name", m.id().name());
            o.put("version", m.id().version());
            o.put("minMemoryMb", m.minMemoryMb());
            o.put("minTier", m.minTier());
            o.put("approved", true);
        }
        return out;
    }

    JsonNode inferenceStats() {
        List<ValidatorStanding> all = state.validators();
        long tasks = all.stream().mapToLong(ValidatorStanding::tasksCompleted).sum();
        long flops = all.stream().mapToLong(ValidatorStanding::flopsTotal).sum();
        long execMs = all.stream().mapToLong(ValidatorStanding::executionMsTotal).sum();
        double passRate = all.isEmpty() ? 0.0
                : all.stream().mapToDouble(ValidatorStanding::verificationPassRatio).average().orElse(0.0);
        ObjectNode o = JSON.objectNode();
        o.put("tasksCompleted", Long.toString(tasks));
        o.put("avgTimeMs", Long.toString(tasks == 0 ? 0 : execMs / tasks));
        o.put("flopsTotal", Long.toUnsignedString(flops));
        o.put("passRate", percent(passRate));
        return o;
    }

    JsonNode minerEarnings(JsonNode params) {
        Address address = NodeParsing.address(SerdeParams.string(params, 0));
        String period = params.size() > 1 ? SerdeParams.string(params, 1) : "day";
        RewardBook.Earnings e;
        try {
            e = rewards.earnings(address, period, epochs.nowMs());
        } catch (IllegalArgumentException ex) {
            throw RpcError.nodeInvalidParams(ex.getMessage());
        }
        ObjectNode o = JSON.objectNode();
        o.put("address", address.toString());
        o.put("totalEarnings", hexQuantity(e.totalWei()));
        o.put("totalFlops", Long.toUnsignedString(e.totalFlops()));
        o.put("totalTasks", e.totalTasks());
        o.put("balance", hexQuantity(e.balanceWei()));
        ArrayNode records = o.putArray("records");
        for (RewardBook.Entry r : e.records()) {
            ObjectNode ro = records.addObject();
            ro.put("blockHeight", r.blockHeight());
            ro.put("reward", hexQuantity(r.rewardWei()));
            ro.put("flops", Long.toUnsignedString(r.flops()));
            ro.put("taskCount", r.taskCount());
            ro.put("taskType", r.taskType());
            ro.put("timestamp", r.timestampMs());
        }
        return o;
    }

    JsonNode minerVesting(JsonNode params) {
        Address address = NodeParsing.address(SerdeParams.string(params, 0));
        RewardBook.Vesting v = rewards.vesting(address, epochs.nowMs());
        ObjectNode o = JSON.objectNode();
        o.put("miner", address.toString());
        o.put("totalEarned", hexQuantity(v.totalEarnedWei()));
        o.put("locked", hexQuantity(v.lockedWei()));
        o.put("available", hexQuantity(v.availableWei()));
        o.put("activeTranches", v.activeTranches());
        ArrayNode tranches = o.putArray("tranches");
        for (RewardBook.Tranche t : v.tranches()) {
            ObjectNode to = tranches.addObject();
            to.put("blockHeight", t.blockHeight());
            to.put("amount", hexQuantity(t.amountWei()));
            to.put("vested", hexQuantity(t.vestedWei()));
            to.put("cliffEnd", t.cliffEndMs());
            to.put("endTime", t.endTimeMs());
            to.put("percentVested", String.format(Locale.ROOT, "%.2f", t.percentVested()));
        }
        return o;
    }
}
