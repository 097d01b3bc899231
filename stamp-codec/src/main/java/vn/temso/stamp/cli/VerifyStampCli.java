package vn.temso.stamp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import vn.temso.stamp.InvalidStampException;
import vn.temso.stamp.StampUrl;
import vn.temso.stamp.StampVerifier;
import vn.temso.stamp.Verification;
import vn.temso.stamp.key.InvalidJwksException;
import vn.temso.stamp.key.Jwks;

/**
 * {@code java -jar stamp-codec-*-cli.jar --jwks jwks.json [--base-url https://host] URL}: prints the verdict and the
 * decoded identifiers. Exit status 0 genuine, 1 not genuine, 2 usage error, unreadable key set or malformed URL.
 */
public final class VerifyStampCli {

    public static final int GENUINE = 0;
    public static final int NOT_GENUINE = 1;
    public static final int BAD_INPUT = 2;

    private static final String USAGE =
            "usage: java -jar stamp-codec-cli.jar --jwks jwks.json [--base-url https://host] URL";

    private VerifyStampCli() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command and returns the exit status; results go to {@code out}, problems to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String jwksFile = null;
        String baseUrl = null;
        String url = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    out.println(USAGE);
                    out.println("exit status: 0 genuine, 1 not genuine, 2 usage error or malformed input");
                    return GENUINE;
                }
                case "--jwks", "--base-url" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, arg + " needs a value");
                    }
                    if (arg.equals("--jwks")) {
                        jwksFile = args[++i];
                    } else {
                        baseUrl = args[++i];
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        return usage(err, "unknown option " + arg);
                    }
                    if (url != null) {
                        return usage(err, "give exactly one stamp URL");
                    }
                    url = arg;
                }
            }
        }
        if (jwksFile == null) {
            return usage(err, "--jwks is required");
        }
        if (url == null) {
            return usage(err, "no stamp URL given");
        }
        Jwks jwks;
        try {
            jwks = Jwks.read(Path.of(jwksFile));
        } catch (NoSuchFileException e) {
            err.println("error: JWKS file not found: " + jwksFile);
            return BAD_INPUT;
        } catch (IOException | InvalidJwksException | java.nio.file.InvalidPathException e) {
            err.println("error: cannot read JWKS " + jwksFile + ": " + e.getMessage());
            return BAD_INPUT;
        }
        StampVerifier verifier;
        try {
            verifier = new StampVerifier(jwks, baseUrl);
        } catch (InvalidStampException e) {
            return usage(err, "--base-url: " + e.getMessage());
        }
        Verification result = verifier.verify(url);
        out.println(result.verdict() + ": " + result.reason());
        if (result.stamp() != null) {
            StampUrl stamp = result.stamp();
            out.println("base URL: " + stamp.baseUrl());
            out.println("GTIN:     " + stamp.gtin14());
            out.println("lot:      " + stamp.lot());
            out.println("serial:   " + stamp.serial());
            out.println("key id:   " + stamp.kid());
        }
        return switch (result.verdict()) {
            case GENUINE -> GENUINE;
            case MALFORMED -> BAD_INPUT;
            default -> NOT_GENUINE;
        };
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return BAD_INPUT;
    }
}
