package dev.sessionledger.kubernetes;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block of a NetworkPolicy's ipBlock, IPv4 or IPv6, and whether it holds an address. */
record AddressBlock(String cidr, int bits, BigInteger network, int prefix) {

    static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        byte[] address = literal(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("not a CIDR block: " + cidr);
        }
        return new AddressBlock(cidr, address.length * 8, new BigInteger(1, address), prefix);
    }

    boolean contains(String address) {
        byte[] candidate = literal(address);
        return candidate.length * 8 == bits && masked(new BigInteger(1, candidate)).equals(masked(network));
    }

    private BigInteger masked(BigInteger value) {
        return value.shiftRight(bits - prefix);
    }

    /** The bytes of an address literal; never a name look-up. */
    private static byte[] literal(String address) {
        if (!address.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("not an address literal: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + address, e);
        }
    }
}
