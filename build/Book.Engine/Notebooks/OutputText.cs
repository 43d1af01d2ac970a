using System.Text;
using System.Text.Json.Nodes;

namespace Book.Engine.Notebooks;

/// <summary>
/// A run notebook's outputs as a terminal shows them: under a line naming each code cell, its printed text,
/// the plain text of its displayed values and results, and its error. For notebooks whose file keeps no
/// outputs (.dib).
/// </summary>
public static class OutputText
{
    /// <summary>The outputs of every code cell that has any.</summary>
    public static string Of(Notebook notebook)
    {
        var text = new StringBuilder();
        foreach (var cell in notebook.CodeCells.Where(c => c.Outputs.Count > 0))
        {
            text.Append("── cell ").Append(cell.Number).AppendLine(" ──");
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                string shown = (string?)output["output_type"] switch
                {
                    "stream" => NotebookCell.JoinText(output["text"]),
                    "error" => $"{(string?)output["ename"]}: {(string?)output["evalue"]}",
                    _ => NotebookCell.JoinText(output["data"]?["text/plain"]),
                };
                text.Append(shown);
                if (!shown.EndsWith('\n')) text.AppendLine();
            }
        }
        return text.ToString();
    }
}
