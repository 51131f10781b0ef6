package dev.sessionledger.commons.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QsArrayFormsTest {

    @Test
    void indexed_and_empty_bracket_keys_become_repeated_plain_keys_in_index_order() {
        assertEquals("limit=5&type=a&type=c&type=b",
                QsArrayForms.rewrite("type%5B%5D=a&limit=5&type[1]=b&type%5B0%5D=c"));
        assertEquals("type=x&type=y&type=z", QsArrayForms.rewrite("type=x&type[]=y&type[0]=z"));
    }

    @Test
    void range_bounds_nested_keys_and_plain_pairs_stay_as_they_are() {
        assertEquals("created_at%5Bgt%5D=2025-01-01T00%3A00%3A00Z&a[b][c]=1&flag",
                QsArrayForms.rewrite("created_at%5Bgt%5D=2025-01-01T00%3A00%3A00Z&a[b][c]=1&flag"));
    }
}
