package io.fluxo.nexmark;

import io.fluxo.types.DateTimeUtils;

/**
 * New persons, as the reference makes them: id = the next person id; a name from 11 first and 9 last names; an email
 * address of two short random words; a credit card of four groups of four digits; a city and a state from short
 * lists; the event time; and an {@code extra} field padding the record to {@code avgPersonByteSize} on average.
 */
final class PersonColumns extends KindColumns {
    static final int ID = 0;
    static final int NAME = 1;
    static final int EMAIL = 2;
    static final int CREDIT_CARD = 3;
    static final int CITY = 4;
    static final int STATE = 5;
    static final int DATE_TIME = 6;
    static final int EXTRA = 7;

    // Which draw of the event each field reads.
    private static final int NAME_DRAW = 0;
    private static final int EMAIL_USER_LENGTH_DRAW = 1;
    private static final int EMAIL_USER_DRAW = 2;
    private static final int EMAIL_DOMAIN_LENGTH_DRAW = EMAIL_USER_DRAW + TextColumn.drawsFor(6);
    private static final int EMAIL_DOMAIN_DRAW = EMAIL_DOMAIN_LENGTH_DRAW + 1;
    private static final int CREDIT_CARD_DRAW = EMAIL_DOMAIN_DRAW + TextColumn.drawsFor(4);
    private static final int PLACE_DRAW = CREDIT_CARD_DRAW + 1;
    private static final int EXTRA_SIZE_DRAW = PLACE_DRAW + 1;
    private static final int EXTRA_SLICE_DRAW = EXTRA_SIZE_DRAW + 1;

    private static final byte[] DOT_COM = {'.', 'c', 'o', 'm'};

    PersonColumns(EventModel model, boolean[] wanted, int capacity, int expected) {
        super(model, NexmarkTable.PERSON_SCHEMA, wanted, capacity, expected,
                new int[] {0, 16, 16, 19, 10, 2, 0, Math.max(8, model.options.avgPersonByteSize - 60)});
    }

    @Override
    protected void generate(EventCursor event, int row) {
        long key = event.key;
        if (wanted[ID]) {
            longs(ID)[row] = event.lastPersonId0() + EventModel.FIRST_PERSON_ID;
        }
        byte[] name = Vocabulary.NAMES[Draws.below(Draws.draw(key, NAME_DRAW), Vocabulary.NAMES.length)];
        if (wanted[NAME]) {
            text(NAME).put(name);
            text(NAME).endRow();
        }
        // Random words are 3 to 6 and 3 to 4 characters before trimming, as the reference's nextString(7) and (5).
        int userLength = 3 + Draws.below(Draws.draw(key, EMAIL_USER_LENGTH_DRAW), 4);
        int domainLength = 3 + Draws.below(Draws.draw(key, EMAIL_DOMAIN_LENGTH_DRAW), 2);
        if (wanted[EMAIL]) {
            TextColumn email = text(EMAIL);
            email.putRandomText(key, EMAIL_USER_DRAW, userLength, Vocabulary.LETTERS_AND_SPACES);
            email.put((byte) '@');
            email.putRandomText(key, EMAIL_DOMAIN_DRAW, domainLength, Vocabulary.LETTERS_AND_SPACES);
            email.put(DOT_COM);
            email.endRow();
        }
        if (wanted[CREDIT_CARD]) {
            TextColumn card = text(CREDIT_CARD);
            long bits = Draws.draw(key, CREDIT_CARD_DRAW);
            for (int group = 0; group < 4; group++) {
                if (group > 0) {
                    card.put((byte) ' ');
                }
                card.putDigits4(Draws.below16(bits, group, 10_000));
            }
            card.endRow();
        }
        long place = Draws.draw(key, PLACE_DRAW);
        byte[] city = Vocabulary.CITIES[Draws.below16(place, 0, Vocabulary.CITIES.length)];
        byte[] state = Vocabulary.STATES[Draws.below16(place, 1, Vocabulary.STATES.length)];
        if (wanted[CITY]) {
            text(CITY).put(city);
            text(CITY).endRow();
        }
        if (wanted[STATE]) {
            text(STATE).put(state);
            text(STATE).endRow();
        }
        if (wanted[DATE_TIME]) {
            longs(DATE_TIME)[row] = event.timeMillis * DateTimeUtils.MICROS_PER_MILLI;
        }
        if (wanted[EXTRA]) {
            // The reference's size of the other fields: 8 for the id, the strings, 19 for the card number.
            int emailLength = userLength + 1 + domainLength + DOT_COM.length;
            int current = 8 + name.length + emailLength + 19 + city.length + state.length;
            int size = EventModel.extraSize(Draws.draw(key, EXTRA_SIZE_DRAW), current, options.avgPersonByteSize);
            EventModel.putExtra(text(EXTRA), Draws.draw(key, EXTRA_SLICE_DRAW), size);
            text(EXTRA).endRow();
        }
    }
}
