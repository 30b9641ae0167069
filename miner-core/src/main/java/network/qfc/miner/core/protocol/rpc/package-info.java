/**
 * The JSON-RPC 2.0 client a miner uses to talk to a QFC node ({@link network.qfc.miner.core.protocol.rpc.QfcRpcClient}),
 * its request and answer records, and its one error type
 * ({@link network.qfc.miner.core.protocol.rpc.RpcException}). Requests carry the superset of v2.0 and v2.2 fields;
 * answers are validated and accept hex or decimal numbers. See {@code shared/qfc-protocol.md}.
 */
package network.qfc.miner.core.protocol.rpc;
