"""Exports: Excel workbook, weekly rota PDF/print, .xlsx staff/leave import, .ics (SPEC.md §5).

Public API (import the submodule; this package imports nothing so ``import exports`` stays cheap):

* ``exports.excel.write_workbook(path, scenario, roster, *, lang="zh", solver_info=None, generated_at=None)``
* ``exports.pdf.write_pdf(path, scenario, roster, *, lang="zh", generated_at=None) -> pages``
* ``exports.pdf.paint_rota(device, scenario, roster, lang="zh", *, generated_at=None) -> pages``
* ``exports.xlsx_import.write_template(path, scenario=None, *, lang="zh")``
* ``exports.xlsx_import.import_staff_leave(path, scenario, *, allowed_skills=None) -> Scenario``
  (raises ``ImportReport`` with ``.errors: list[RowError(sheet, row, column, reason)]``)
* ``exports.ics.write_ics(path, scenario, roster, staff_id)``, ``exports.ics.write_all_ics(folder, scenario, roster)``
* every writer saves atomically and raises ``exports.safe_write.ExportError`` on failure: ``str()`` a Chinese sentence,
  ``text(lang)`` the same in ``lang``.
"""
