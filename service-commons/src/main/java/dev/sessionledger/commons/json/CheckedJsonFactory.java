package dev.sessionledger.commons.json;

import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.MappingJsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON factory of every service: each parser it makes refuses the NUL character in strings and
 * field names ({@link NulRefusingParser}), so no request body, whatever type it binds to (records,
 * maps, trees), can carry one to the database.
 */
public class CheckedJsonFactory extends MappingJsonFactory {

    private static final long serialVersionUID = 1L;

    public CheckedJsonFactory() {
        super();
    }

    protected CheckedJsonFactory(JsonFactory source, ObjectMapper mapper) {
        super(source, mapper);
    }

    /** Copies (made by writers and readers of the platform) refuse NUL as well. */
    @Override
    public JsonFactory copy() {
        _checkInvalidCopy(CheckedJsonFactory.class);
        return new CheckedJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new NulRefusingParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new NulRefusingParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new NulRefusingParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new NulRefusingParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new NulRefusingParser(super._createParser(input, context));
    }
}
