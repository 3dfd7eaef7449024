using System.Text;

namespace ShoppableVideo.Api.Cli;

/// <summary>The writer System.CommandLine writes help and parse errors' usage to: a usage line names the
/// root command, which must keep the assembly's name, so this rewrites that line's first word to the
/// program's name as the user runs it (<c>./run.sh</c>). Commands write through their own console, not here.</summary>
public sealed class UsageNamingWriter(TextWriter inner, string rootName, string programName) : TextWriter
{
    readonly StringBuilder line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        line.Append(value);
        if (value == '\n')
            EmitLine();
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    public override void Flush()
    {
        EmitLine();
        inner.Flush();
    }

    void EmitLine()
    {
        var text = line.ToString();
        line.Clear();
        // Usage lines read "  <root> <verb> <arguments> [options]".
        var usage = $"  {rootName} ";
        inner.Write(text.StartsWith(usage, StringComparison.Ordinal) ? $"  {programName} {text[usage.Length..]}" : text);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }
}
