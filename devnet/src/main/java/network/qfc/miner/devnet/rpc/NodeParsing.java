package network.qfc.miner.devnet.rpc;

import network.qfc.miner.core.protocol.Address;

/** The node's own parsing of addresses and signatures, with its error texts (Rust {@code hex} crate wording). */
final class NodeParsing {
    private NodeParsing() {
    }

    /** Rust's {@code hex::decode} error for {@code s}, or null when it is valid hex. */
    static String rustHexError(String s) {
        if (s.length() % 2 != 0) {
            return "Odd number of digits";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) < 0 || c > 'f') {
                return "Invalid character '" + c + "' at position " + i;
            }
        }
        return null;
    }

    /** The node's {@code parse_address}: an optional {@code 0x}, hex, 20 bytes; else -32602 with its message. */
    static Address address(String text) {
        String s = text.startsWith("0x") ? text.substring(2) : text;
        String err = rustHexError(s);
        if (err != null) {
            throw RpcError.nodeInvalidParams(err);
        }
        if (s.length() != 40) {
            throw RpcError.nodeInvalidParams("invalid address");
        }
        return Address.parse(s);
    }

    /** A 64-byte signature in hex ({@code 0x} optional); else -32602 "Invalid signature hex: …" / "… length". */
    static byte[] signature(String text) {
        String s = text.startsWith("0x") ? text.substring(2) : text;
        String err = rustHexError(s);
        if (err != null) {
            throw RpcError.nodeInvalidParams("Invalid signature hex: " + err);
        }
        if (s.length() != 128) {
            throw RpcError.nodeInvalidParams("Invalid signature length");
        }
        return network.qfc.miner.core.protocol.Hex.decode("signature", s);
    }

    /** {@code 0x}-prefixed lower-case hex of a non-negative number: the node's {@code format!("0x{:x}")}. */
    static String hexQuantity(java.math.BigInteger v) {
        return "0x" + v.toString(16);
    }

    static String hexQuantity(long v) {
        return "0x" + Long.toHexString(v);
    }
}
