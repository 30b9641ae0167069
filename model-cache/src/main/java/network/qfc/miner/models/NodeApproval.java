package network.qfc.miner.models;

/**
 * What a node says of one model ({@code qfc_getSupportedModels}): its name, version, minimum memory, minimum tier
 * and whether it is still approved. Built by the RPC client; the registry merges it in.
 */
public record NodeApproval(String name, String version, long minMemoryMb, String minTier, boolean approved) {
}
