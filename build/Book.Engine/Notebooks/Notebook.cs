using Book.Runtime;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Book.Engine.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) held as its JSON tree, so everything the book does not touch —
/// notebook and cell metadata, attachments, unknown keys — is written back exactly as read.
/// </summary>
public sealed class Notebook
{
    /// <summary>The kernelspec name of the book's own C# kernel (<c>book kernel install</c>).</summary>
    public const string KernelName = "book-csharp";

    /// <summary>The name front ends show for the kernel.</summary>
    public const string KernelDisplayName = "C# (Book)";

    /// <summary>The language the notebooks and the kernel declare.</summary>
    public const string Language = "csharp";

    /// <summary>
    /// nbformat's <c>language_info</c> for C#, as notebooks store it and the kernel reports it: what front ends
    /// highlight with — VS Code its language id (<c>name</c>), JupyterLab CodeMirror's mode for the mime type
    /// (<c>codemirror_mode</c>), <c>jupyter console</c> and nbconvert Pygments' lexer (<c>pygments_lexer</c>) —
    /// and the C# version cells are compiled as.
    /// </summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["codemirror_mode"] = "text/x-csharp", ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = Language,
        ["pygments_lexer"] = Language,
        ["version"] = Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(
            Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.MapSpecifiedToEffectiveVersion(Execution.CellSyntax.ParseOptions.SpecifiedLanguageVersion)),
    };

    readonly JsonObject root;

    Notebook(JsonObject root, string path, FileFingerprint? read)
    {
        this.root = root;
        Path = path;
        OnDisk = read;
        Cells = root["cells"]!.AsArray().Select((node, index) => new NotebookCell(node!.AsObject(), index)).ToList();
    }

    /// <summary>Where the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>What the file held when it was read (or last saved); null for a notebook that was not read from a file.</summary>
    public FileFingerprint? OnDisk { get; private set; }

    /// <summary>All cells, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);

    /// <summary>The notebook-level metadata object.</summary>
    public JsonObject Metadata => root["metadata"]!.AsObject();

    /// <summary>The title: the first Markdown heading, or the file name.</summary>
    public string Title =>
        Cells.Where(c => c.Type == "markdown")
             .SelectMany(c => c.Source.Split('\n'))
             .FirstOrDefault(line => line.StartsWith("# "))?[2..].Trim()
        ?? System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads and checks a notebook (.ipynb, or Polyglot's .dib); errors name the file, what was expected and what was found.</summary>
    public static Notebook Load(string path)
    {
        if (!File.Exists(path)) throw new NotebookFormatException(path, "expected a notebook file, found none");
        if (DibFile.IsDib(path)) return FromJson(DibFile.Read(path), path);
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new NotebookFormatException(path, "expected a JSON object, found an empty file");
        JsonNode? node;
        try { node = JsonNode.Parse(bytes); }
        catch (JsonException e)
        {
            bool atTheEnd = e.LineNumber == bytes.Count(b => b == '\n') && e.BytePositionInLine >= bytes.Length - Array.LastIndexOf(bytes, (byte)'\n') - 1;
            throw new NotebookFormatException(path,
                $"expected JSON, found invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}{(atTheEnd ? " (the file ends too early: truncated?)" : "")}");
        }
        return FromJson(node, path, FileFingerprint.Of(bytes));
    }

    /// <summary>Builds a notebook from parsed JSON (checked like <see cref="Load"/>).</summary>
    public static Notebook FromJson(JsonNode? node, string path) => FromJson(node, path, read: null);

    static Notebook FromJson(JsonNode? node, string path, FileFingerprint? read)
    {
        NotebookSchema.Check(node, path);
        var root = node!.AsObject();
        root["metadata"] ??= new JsonObject();
        return new Notebook(root, path, read);
    }

    /// <summary>
    /// Adds what Jupyter front ends need and the file may lack (kernelspec, language_info, cell ids,
    /// and the legacy Polyglot kernel hints); existing values are left as they are.
    /// </summary>
    public void EnsureStandardMetadata()
    {
        Metadata["kernelspec"] ??= new JsonObject { ["display_name"] = KernelDisplayName, ["language"] = Language, ["name"] = KernelName };
        Metadata["language_info"] ??= LanguageInfo();
        Metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        root["nbformat_minor"] = Math.Max(root["nbformat_minor"]?.GetValue<int>() ?? 0, 5);
        var usedIds = new HashSet<string>(Cells.Select(c => c.Id).OfType<string>());
        foreach (var cell in Cells.Where(c => c.Id is null))
        {
            string id = $"cell-{cell.Index + 1}";
            for (int n = 2; !usedIds.Add(id); n++) id = $"cell-{cell.Index + 1}-{n}";
            cell.Id = id;
        }
    }

    /// <summary>The notebook as nbformat JSON text (one-space indent, as Jupyter writes it).</summary>
    public string ToJson() => root.ToJsonString(JsonOptions) + "\n";

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes the notebook with <see cref="AtomicFile"/>: never half-written, keeping the file's permissions,
    /// owner and symbolic link. Saved over the file it was read from, it refuses (<see cref="FileChangedException"/>)
    /// when that file changed on disk since it was read, so nobody's edit is lost.
    /// </summary>
    /// <exception cref="InvalidOperationException">The target is a .dib file, which has no place for outputs.</exception>
    public void Save(string? path = null)
    {
        string target = path ?? Path;
        if (DibFile.IsDib(target))
            throw new InvalidOperationException($"{target} is a .dib file, which keeps no outputs: save the notebook as .ipynb.");
        string json = ToJson();
        bool overItself = System.IO.Path.GetFullPath(target) == System.IO.Path.GetFullPath(Path);
        AtomicFile.WriteText(target, json, overItself ? OnDisk : null);
        if (overItself) OnDisk = FileFingerprint.Of(new System.Text.UTF8Encoding(false).GetBytes(json));
    }
}
