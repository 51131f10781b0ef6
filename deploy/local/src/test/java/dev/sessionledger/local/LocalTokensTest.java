package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.auth.SigningKeys;
import dev.sessionledger.commons.auth.TokenMinter;

/** The tokens file the stack writes: on this module's own classpath, as the run command has it. */
class LocalTokensTest {

    @Test
    void writes_admin_member_and_other_tenant_tokens_readable_only_by_the_owner() throws Exception {
        Path file = Files.createTempDirectory("tokens").resolve("tokens.env");
        KeyPair keys = SigningKeys.generate();
        Map<String, String> tokens = LocalStack.writeTokens(new TokenMinter(keys.getPrivate()), file);

        String text = Files.readString(file);
        for (String name : new String[] {"ADMIN_TOKEN", "MEMBER_TOKEN", "OTHER_TOKEN"}) {
            assertTrue(text.contains(name + "=" + tokens.get(name) + "\n"), name);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(claims(tokens.get("ADMIN_TOKEN")).contains("\"tenant\":\"demo\""));
        assertTrue(claims(tokens.get("ADMIN_TOKEN")).contains("admin"));
        assertTrue(claims(tokens.get("MEMBER_TOKEN")).contains("\"sub\":\"demo-member\""));
        assertTrue(claims(tokens.get("OTHER_TOKEN")).contains("\"tenant\":\"other\""));
        for (String token : tokens.values()) {
            assertTrue(claims(token).contains("\"aud\":\"" + TokenMinter.AUDIENCE + "\""), "every token names the audience");
        }
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
