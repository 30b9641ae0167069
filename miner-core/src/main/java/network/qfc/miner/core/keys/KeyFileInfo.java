package network.qfc.miner.core.keys;

import java.time.Instant;
import network.qfc.miner.core.protocol.Address;

/** What an encrypted key file says in clear: the validator's address, public key (hex) and creation time. */
public record KeyFileInfo(Address address, String publicKeyHex, Instant createdAt) {
}
