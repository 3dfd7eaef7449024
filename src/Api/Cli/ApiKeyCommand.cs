using System.CommandLine;
using System.Security.Cryptography;
using ShoppableVideo.Api.Auth;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>api-key</c>: makes a new random API key and prints it once with the configuration that
/// lets a server accept it. The server is only ever given the key's SHA-256.</summary>
public sealed class ApiKeyCommand : Command
{
    public ApiKeyCommand(CliContext context) : base("api-key", "Create an API key and print the settings that enable it")
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key", DefaultValueFactory = _ => "default" };
        var readOnly = new Option<bool>("--read-only") { Description = "Only the read scope (for keyed reads); by default read and write" };
        var index = new Option<int>("--index") { Description = "The key's position in ShoppableVideo:Api:Keys", DefaultValueFactory = _ => 0 };
        Options.Add(name);
        Options.Add(readOnly);
        Options.Add(index);
        SetAction(parse =>
        {
            var key = NewKey();
            var prefix = $"ShoppableVideo__Api__Keys__{parse.GetValue(index)}__";
            var output = context.Output;
            output.WriteLine($"key (shown only now; send it as the {ApiKeyFilter.HeaderName} header): {key}");
            output.WriteLine("enable it on the server with these settings (environment variables; appsettings.json works too):");
            output.WriteLine($"  export {prefix}Name={parse.GetValue(name)}");
            output.WriteLine($"  export {prefix}Sha256={ApiKeyVerifier.Hash(key)}");
            if (parse.GetValue(readOnly))
                output.WriteLine($"  export {prefix}Scopes__0={ApiScopes.Read}");
            return 0;
        });
    }

    /// <summary>256 random bits, URL-safe so it survives headers, shells and config files unquoted.</summary>
    public static string NewKey() =>
        "sv_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
