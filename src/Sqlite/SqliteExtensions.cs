using System.Runtime.InteropServices;

namespace ShoppableVideo.Sqlite;

/// <summary>
/// Loads a native SQLite extension (sqlite-vec's vec0.so) into every connection the process opens.
/// Registering it with sqlite3_auto_extension, rather than calling LoadExtension per connection, means
/// pooled read connections have it too and nothing loads it twice.
/// </summary>
public static class SqliteExtensions
{
    static readonly Lock Gate = new();
    static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads <paramref name="libraryPath"/> once and registers <paramref name="entryPoint"/>.</summary>
    /// <exception cref="InvalidOperationException">the library or its entry point cannot be loaded.</exception>
    public static void LoadForEveryConnection(string libraryPath, string entryPoint)
    {
        var fullPath = Path.GetFullPath(libraryPath);
        lock (Gate)
        {
            if (Loaded.ContainsKey(fullPath))
                return;
            if (!File.Exists(fullPath))
                throw new InvalidOperationException($"SQLite extension '{fullPath}' is not installed (run scripts/setup.sh)");

            SQLitePCL.Batteries_V2.Init();
            var library = NativeLibrary.Load(fullPath);
            var init = NativeLibrary.GetExport(library, entryPoint);
            var rc = sqlite3_auto_extension(init);
            if (rc != 0)
                throw new InvalidOperationException($"sqlite3_auto_extension({entryPoint}) failed with SQLite code {rc}");
            Loaded[fullPath] = library;
        }
    }

    // The bundle ships SQLite as e_sqlite3; the extension receives SQLite's API table when it is
    // initialised, so it needs no link to this library itself.
    [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
    static extern int sqlite3_auto_extension(IntPtr entryPoint);
}
