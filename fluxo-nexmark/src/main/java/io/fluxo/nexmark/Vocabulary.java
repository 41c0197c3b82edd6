package io.fluxo.nexmark;

import java.nio.charset.StandardCharsets;

/**
 * The words events are made of, as UTF-8 bytes ready to copy: the reference's first and last names, cities and
 * states (kept few so that queries find matches on small runs), its bid channels and their URLs, and a pool of
 * random letters the {@code extra} padding fields are cut from. The channel URLs depend on the seed.
 */
final class Vocabulary {
    static final byte[][] NAMES;
    static final byte[][] CITIES = bytes("Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne");
    static final byte[][] STATES = bytes("AZ", "CA", "ID", "OR", "WA", "WY");

    /** The reference's four hot channels, which half of all bids come through. */
    static final byte[][] HOT_CHANNELS = bytes("Google", "Facebook", "Baidu", "Apple");
    /** The other channels: {@code channel-0} to {@code channel-9999}. */
    static final int CHANNELS = 10_000;
    private static final byte[][] CHANNEL_NAMES = new byte[CHANNELS][];

    /** 1 in 13 characters of random text is the special character, as in the reference. */
    private static final int SPECIAL_ONE_IN = 13;
    /** Random text: a space or a lower-case letter (each of the 338 entries equally likely). */
    static final byte[] LETTERS_AND_SPACES = alphabet((byte) ' ');
    /** Random URL parts: an underscore or a lower-case letter. */
    static final byte[] LETTERS_AND_UNDERSCORES = alphabet((byte) '_');

    /** Random lower-case letters that {@code extra} fields are slices of (the reference reuses one string too). */
    static final byte[] EXTRA_POOL = new byte[1 << 20];

    static {
        String[] first = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter",
            "Walter"};
        String[] last = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
        NAMES = new byte[first.length * last.length][];
        for (int f = 0; f < first.length; f++) {
            for (int l = 0; l < last.length; l++) {
                NAMES[f * last.length + l] = (first[f] + " " + last[l]).getBytes(StandardCharsets.US_ASCII);
            }
        }
        for (int i = 0; i < CHANNELS; i++) {
            CHANNEL_NAMES[i] = ("channel-" + i).getBytes(StandardCharsets.US_ASCII);
        }
        long key = Draws.mix(0x65787472612DL);
        for (int i = 0; i < EXTRA_POOL.length; i += 4) {
            long bits = Draws.mix(key + i);
            for (int j = 0; j < 4; j++) {
                EXTRA_POOL[i + j] = (byte) ('a' + Draws.below16(bits, j, 26));
            }
        }
    }

    private final byte[][] hotUrls = new byte[HOT_CHANNELS.length][];
    private final byte[][] channelUrls = new byte[CHANNELS][];

    /** The URLs of {@code seed}: four for the hot channels and one per other channel. */
    Vocabulary(long seedKey) {
        long key = Draws.mix(seedKey ^ 0x75726C73L);
        for (int h = 0; h < hotUrls.length; h++) {
            hotUrls[h] = baseUrl(Draws.eventKey(key, -1 - h)).getBytes(StandardCharsets.US_ASCII);
        }
        for (int i = 0; i < CHANNELS; i++) {
            long k = Draws.eventKey(key, i);
            String url = baseUrl(k);
            // Nine channels in ten carry their id in the URL, scrambled as the reference does.
            if (Draws.below(Draws.draw(k, 6), 10) > 0) {
                url += "&channel_id=" + Math.abs(Integer.reverse(i));
            }
            channelUrls[i] = url.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** {@code https://www.nexmark.com/<p>/<p>/<p>/item.htm?query=1}, each part 3 or 4 random characters. */
    private static String baseUrl(long key) {
        StringBuilder sb = new StringBuilder("https://www.nexmark.com/");
        for (int part = 0; part < 3; part++) {
            int length = 3 + Draws.below(Draws.draw(key, 2 * part), 2);
            byte[] text = new byte[length];
            TextColumn.writeRandom(text, 0, key, 2 * part + 1, length, LETTERS_AND_UNDERSCORES);
            sb.append(new String(text, StandardCharsets.US_ASCII)).append('/');
        }
        return sb.append("item.htm?query=1").toString();
    }

    byte[] hotUrl(int hotChannel) {
        return hotUrls[hotChannel];
    }

    byte[] channelUrl(int channel) {
        return channelUrls[channel];
    }

    static byte[] channelName(int channel) {
        return CHANNEL_NAMES[channel];
    }

    private static byte[] alphabet(byte special) {
        byte[] a = new byte[SPECIAL_ONE_IN * 26];
        for (int i = 0; i < a.length; i++) {
            a[i] = i < 26 ? special : (byte) ('a' + i % 26);
        }
        return a;
    }

    private static byte[][] bytes(String... words) {
        byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
