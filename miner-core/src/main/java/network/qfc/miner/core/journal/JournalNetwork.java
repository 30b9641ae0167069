package network.qfc.miner.core.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The network a journal belongs to, and since when: the one row of its {@code network} table.
 *
 * @param identity   the chain
 * @param chosenAtMs when this journal was first used for it ("since the network was chosen")
 */
public record JournalNetwork(NetworkIdentity identity, long chosenAtMs) {
    public JournalNetwork {
        Objects.requireNonNull(identity, "identity");
    }

    static Optional<JournalNetwork> read(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT chain_id, genesis_ms, endpoint, chosen_at FROM network");
             ResultSet r = p.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new JournalNetwork(new NetworkIdentity(r.getLong(1), r.getLong(2), r.getString(3)),
                    r.getLong(4)));
        }
    }

    /** Writes the row when there is none; refuses a journal that already belongs to another network. */
    static JournalNetwork claim(Connection c, NetworkIdentity identity, long atMs, String file) throws SQLException {
        Optional<JournalNetwork> known = read(c);
        if (known.isPresent()) {
            if (!known.get().identity().key().equals(identity.key())) {
                throw new JournalException(JournalException.Reason.ILLEGAL_TRANSITION, "the proof journal " + file
                        + " belongs to " + known.get().identity().describe() + ", not to " + identity.describe()
                        + ": its proofs are never sent to another network");
            }
            return known.get();
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO network (only_row, key, chain_id, genesis_ms, endpoint, chosen_at) VALUES (1, ?, ?, ?, ?, ?)")) {
            p.setString(1, identity.key());
            p.setLong(2, identity.chainId());
            p.setLong(3, identity.genesisMs());
            p.setString(4, identity.endpoint());
            p.setLong(5, atMs);
            p.executeUpdate();
        }
        return new JournalNetwork(identity, atMs);
    }
}
