package network.qfc.miner.core.protocol;

import java.util.Arrays;

/**
 * A validator address: the last 20 bytes (12..31) of BLAKE3-256(public key). Parsed with or without {@code 0x},
 * in any case; {@link #hex()} is the reference miner's form (no prefix), {@link #toString()} the node's ({@code 0x}).
 */
public final class Address {
    public static final int BYTES = 20;

    private final byte[] bytes;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Address ofPublicKey(byte[] publicKey) {
        byte[] h = Blake3.hash(publicKey);
        return new Address(Arrays.copyOfRange(h, 32 - BYTES, 32));
    }

    public static Address of(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    /** Parses 40 hex characters, {@code 0x} optional, any case. */
    public static Address parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("address is missing");
        }
        return new Address(Hex.decodeFixed("address", text.trim(), BYTES));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** 40 lower-case hex characters without {@code 0x}: what the miner sends. */
    public String hex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 0x} + 40 lower-case hex characters: how the node prints it. */
    @Override
    public String toString() {
        return "0x" + hex();
    }
}
