using System.Text;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Yields each record
/// with the line it starts on, so errors can name the line a person sees in their editor.</summary>
public static class CsvReader
{
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                        yield return (recordLine, fields.ToArray());
                    fields.Clear();
                    line++;
                    recordLine = line;
                    any = false;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
        if (quoted)
            throw new FormatException($"line {recordLine}: a quoted field is not closed");
        if (any)
        {
            fields.Add(field.ToString());
            if (fields.Count > 1 || fields[0].Length > 0)
                yield return (recordLine, fields.ToArray());
        }
    }
}
