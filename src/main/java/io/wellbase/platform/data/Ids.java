package io.wellbase.platform.data;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUID version 7 ids (RFC 9562), so that new rows land at the end of btree indexes.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * A source of the same ids for one thread that makes very many of them (an import's million rows): the
     * random bits come from the same {@link SecureRandom}, drawn a few kilobytes at a time instead of twice
     * per id, which dominated the cost of an id.
     */
    public static Block block() {
        return new Block();
    }

    /** See {@link #block()}; not thread-safe. */
    public static final class Block {

        private static final int ID_BYTES = 10; // 12 bits of rand_a (in two bytes), 62 bits of rand_b
        private final byte[] random = new byte[ID_BYTES * 512];
        private int next = random.length;

        private Block() {}

        public UUID next() {
            if (next == random.length) {
                RANDOM.nextBytes(random);
                next = 0;
            }
            long randA = ((random[next] & 0xFFL) << 8 | (random[next + 1] & 0xFFL)) & 0xFFFL;
            long randB = 0;
            for (int i = next + 2; i < next + ID_BYTES; i++) {
                randB = randB << 8 | (random[i] & 0xFFL);
            }
            next += ID_BYTES;
            long msb = (System.currentTimeMillis() << 16) | (0x7L << 12) | randA;
            long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }
}
