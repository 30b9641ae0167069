package network.qfc.miner.devnet;

import java.math.BigInteger;
import network.qfc.miner.core.protocol.Address;

/** Something the devnet node did that a log or a test wants to see. Immutable. */
public sealed interface DevnetEvent {

    /** A miner asked to register; {@code registered} says whether the node agreed. */
    record MinerRegistration(Address miner, boolean registered, int tier, boolean admitted, String message)
            implements DevnetEvent {
    }

    /** The node answered a proof submission. {@code rule} is how a spot check passed: "exact hash", "cosine …" or "". */
    record ProofAnswered(Address validator, String taskId, long epoch, boolean accepted, boolean spotChecked,
            boolean challenge, boolean duplicate, String rule, String message) implements DevnetEvent {
    }

    /** A validator lost stake (and reputation) and went to jail until {@code jailUntilMs} (0 = not jailed). */
    record Slashed(Address validator, String cause, BigInteger amountWei, BigInteger stakeAfterWei, int reputationAfter,
            long jailUntilMs) implements DevnetEvent {
    }

    /** The node forgot every miner registration, as a restart does ({@code --forget-registrations-every}). */
    record RegistrationsForgotten(long afterProofs) implements DevnetEvent {
    }

    /** A validator's jail ended; it is active again. */
    record Unjailed(Address validator) implements DevnetEvent {
    }
}
