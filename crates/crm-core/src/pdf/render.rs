//! Lays a printable document out on A4 pages: company and logo, customer, title, number and
//! dates, the line table (`table`), the stored totals per tax rate, terms, signatures, and
//! "Page 1 / 3" numbers. Words and formats follow the document's locale; every amount is a stored
//! one, formatted, never computed here.

use super::canvas::{Canvas, Style, PAGE_HEIGHT, PAGE_WIDTH};
use super::labels::{self, fill, Labels};
use super::logo;
use super::model::{DateKind, DocumentKind, PrintDoc, Reference, TextKind};
use super::table::{columns, Column};
use crate::locale_format;
use crate::totals::{TaxMode, Totals};
use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

pub(super) const LEFT: f32 = 45.0;
pub(super) const RIGHT: f32 = PAGE_WIDTH - 45.0;
const TOP: f32 = PAGE_HEIGHT - 45.0;
/// Nothing but the footer goes below this line.
const BOTTOM: f32 = 62.0;
const BODY: Style = Style::regular(9.0);

/// A rendered document: the PDF file's bytes and its number of pages.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

pub fn render(doc: &PrintDoc) -> Rendered {
    let labels = labels::of(&doc.locale);
    let mut pdf = PdfDocument::new(&heading(doc, labels));
    let logo = logo::decode(doc.company.logo.as_deref()).map(|image| {
        let size = (image.width, image.height);
        (pdf.add_image(&image), size)
    });
    let mut layout = Layout {
        c: Canvas::new(),
        y: TOP,
        doc,
        l: labels,
        f: locale_format::Style::of(&doc.locale),
        columns: columns(doc.kind, labels),
    };
    layout.header(logo);
    layout.table();
    layout.totals();
    layout.texts();
    layout.signatures();
    layout.page_numbers();
    let pages: Vec<PdfPage> =
        layout.c.finish(&mut pdf).into_iter().map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops)).collect();
    let count = pages.len();
    let bytes = pdf.with_pages(pages).save(&PdfSaveOptions::default(), &mut Vec::new());
    Rendered { bytes, pages: count }
}

/// "Invoice INV-2026-0001" (or "Invoice Draft"): the file's title and each later page's heading.
fn heading(doc: &PrintDoc, l: &Labels) -> String {
    format!("{} {}", l.title(doc.kind), doc.number.as_deref().unwrap_or(l.draft))
}

pub(super) struct Layout<'a> {
    pub(super) c: Canvas,
    /// Where the next thing goes (its top).
    pub(super) y: f32,
    pub(super) doc: &'a PrintDoc,
    pub(super) l: &'static Labels,
    pub(super) f: locale_format::Style,
    pub(super) columns: Vec<Column>,
}

impl Layout<'_> {
    /// Starts a new page when `height` does not fit; `table_header` repeats the table's header row.
    pub(super) fn ensure(&mut self, height: f32, table_header: bool) {
        if self.y - height >= BOTTOM {
            return;
        }
        self.c.new_page();
        self.y = TOP;
        let title = heading(self.doc, self.l);
        self.c.text(LEFT, self.y - 9.0, Style::bold(9.0), &title);
        self.y -= 24.0;
        if table_header {
            self.header_row();
        }
    }

    /// Lines of text down from the cursor, each moving it by `leading`.
    fn lines(&mut self, x: f32, lines: &[String], style: Style, leading: f32) {
        for line in lines {
            self.c.text(x, self.y - style.size, style, line);
            self.y -= leading;
        }
    }

    fn header(&mut self, logo: Option<(printpdf::XObjectId, (usize, usize))>) {
        let doc = self.doc;
        let top = self.y;
        // the logo at the top right
        let mut logo_bottom = top;
        if let Some((id, (w, h))) = logo {
            let (width, height) = logo::fit(w, h, 160.0, 56.0);
            self.c.image(id, RIGHT - width, top - height, width, w);
            logo_bottom = top - height;
        }
        // the company at the top left
        let company = &doc.company;
        self.lines(LEFT, std::slice::from_ref(&company.name), Style::bold(12.0), 16.0);
        let mut address: Vec<String> = company.address.lines().map(str::to_owned).collect();
        if !company.tax_id.is_empty() {
            address.push(format!("{}: {}", self.l.tax_id, company.tax_id));
        }
        self.lines(LEFT, &address, Style::muted(8.5), 11.0);
        let block_top = self.y.min(logo_bottom) - 26.0;

        // the customer on the left
        self.y = block_top;
        if let Some(party) = &doc.customer {
            let label = if doc.delivery { self.l.deliver_to } else { self.l.bill_to };
            self.lines(LEFT, &[label.to_owned()], Style::muted(7.5), 11.0);
            let name = self.c.wrap(&party.name, 250.0, Style::bold(10.5));
            self.lines(LEFT, &name, Style::bold(10.5), 14.0);
            self.lines(LEFT, &party.address, BODY, 12.0);
            if !party.tax_id.is_empty() {
                self.lines(LEFT, &[format!("{}: {}", self.l.tax_id, party.tax_id)], BODY, 12.0);
            }
            if let Some(contact) = &party.contact {
                self.lines(LEFT, &[format!("{}: {contact}", self.l.contact)], BODY, 12.0);
            }
        }
        let customer_bottom = self.y;

        // the title, number and dates on the right
        self.y = block_top;
        let x = 330.0;
        let title = self.c.wrap(self.l.title(doc.kind), RIGHT - x, Style::bold(15.0));
        self.lines(x, &title, Style::bold(15.0), 20.0);
        self.y -= 2.0;
        let mut rows = vec![(self.l.number, doc.number.clone().unwrap_or_else(|| self.l.draft.to_owned()))];
        for (kind, day) in &doc.dates {
            let label = match kind {
                DateKind::Issued => self.l.date,
                DateKind::ValidUntil => self.l.valid_until,
                DateKind::Due => self.l.due_date,
            };
            rows.push((label, self.f.date(*day)));
        }
        for (label, value) in rows {
            self.c.text(x, self.y - 9.0, Style::muted(9.0), label);
            self.c.text_right(RIGHT, self.y - 9.0, BODY, &value);
            self.y -= 13.0;
        }
        self.y = self.y.min(customer_bottom) - 18.0;

        if !doc.subject.is_empty() {
            let subject = self.c.wrap(&doc.subject, RIGHT - LEFT, Style::bold(10.5));
            self.lines(LEFT, &subject, Style::bold(10.5), 14.0);
            self.y -= 4.0;
        }
        if let Some(reference) = &doc.reference {
            let text = self.reference(reference);
            let lines = self.c.wrap(&text, RIGHT - LEFT, BODY);
            self.lines(LEFT, &lines, BODY, 12.0);
            self.y -= 6.0;
        }
    }

    fn reference(&self, reference: &Reference) -> String {
        let date = |d: &Option<chrono::NaiveDate>| d.map(|d| self.f.date(d)).unwrap_or_default();
        match reference {
            Reference::CreditFor { number, date: d } => {
                fill(self.l.credit_for, &[("number", number), ("date", &date(d))])
            }
            Reference::WorkUnder { number, date: d } => {
                fill(self.l.act_statement, &[("number", number), ("date", &date(d))])
            }
            Reference::DeliveryOf { number } => fill(self.l.delivery_of, &[("number", number)]),
        }
    }

    /// The totals as stored, one row each: (label, amount, bold).
    fn total_rows(&self, t: &Totals) -> Vec<(String, String, bool)> {
        let money = |v| self.f.money(v, &self.doc.currency);
        let mut rows = vec![(self.l.subtotal.to_owned(), money(t.subtotal), false)];
        if !t.discount.is_zero() {
            rows.push((self.l.discount.to_owned(), money(-t.discount), false));
        }
        if !t.shipping.is_zero() {
            rows.push((self.l.shipping.to_owned(), money(t.shipping), false));
        }
        let included = t.tax_mode == TaxMode::TaxIncluded;
        let taxes: Vec<(String, String, bool)> = t
            .rates
            .iter()
            .map(|r| {
                let (template, base) =
                    if included { (self.l.tax_included_on, r.gross) } else { (self.l.tax_on, r.net) };
                let label = fill(template, &[("rate", &self.f.percent(r.rate)), ("base", &money(base))]);
                (label, money(r.tax), false)
            })
            .collect();
        let net = (self.l.net_total.to_owned(), money(t.net), false);
        let total = (self.l.total.to_owned(), money(t.total), true);
        if included {
            rows.push(total);
            rows.extend(taxes);
            rows.push(net);
        } else {
            rows.push(net);
            rows.extend(taxes);
            rows.push(total);
        }
        if let Some(s) = &self.doc.settlement {
            if !s.credited.is_zero() {
                rows.push((self.l.credited.to_owned(), money(-s.credited), false));
            }
            if !s.paid.is_zero() {
                rows.push((self.l.paid.to_owned(), money(-s.paid), false));
            }
            rows.push((self.l.balance.to_owned(), money(s.balance), true));
        }
        rows
    }

    fn totals(&mut self) {
        let Some(totals) = &self.doc.totals else { return };
        let rows = self.total_rows(totals);
        self.ensure(rows.len() as f32 * 14.0 + 8.0, false);
        let value_width = rows.iter().map(|(_, v, _)| self.c.width(v, Style::bold(9.5))).fold(60.0, f32::max);
        let label_right = RIGHT - value_width - 14.0;
        for (label, value, bold) in rows {
            let style = if bold { Style::bold(9.5) } else { BODY };
            if bold {
                self.c.rule((label_right - 150.0, self.y), (RIGHT, self.y), 0.6, 0.0);
                self.y -= 2.0;
            }
            self.c.text_right(label_right, self.y - 10.0, style, &label);
            self.c.text_right(RIGHT, self.y - 10.0, style, &value);
            self.y -= 14.0;
        }
        self.y -= 10.0;
    }

    fn texts(&mut self) {
        let doc = self.doc;
        let due = doc.dates.iter().find(|(k, _)| *k == DateKind::Due).map(|(_, d)| *d);
        if let (Some(days), Some(due)) = (doc.payment_days, due) {
            let text = fill(self.l.payment_terms, &[("days", &days.to_string()), ("date", &self.f.date(due))]);
            self.paragraph(None, &text);
        }
        for (kind, text) in &doc.texts {
            let label = match kind {
                TextKind::Terms => self.l.terms,
                TextKind::Reason => self.l.reason,
                TextKind::Note => self.l.note,
            };
            self.paragraph(Some(label), text);
        }
    }

    /// A block of wrapped text with an optional bold label, broken across pages by line.
    fn paragraph(&mut self, label: Option<&str>, text: &str) {
        if let Some(label) = label {
            self.ensure(26.0, false);
            self.lines(LEFT, &[label.to_owned()], Style::bold(8.5), 12.0);
        }
        for line in self.c.wrap(text, RIGHT - LEFT, BODY) {
            self.ensure(12.0, false);
            self.lines(LEFT, &[line], BODY, 12.0);
        }
        self.y -= 8.0;
    }

    fn signatures(&mut self) {
        if !self.doc.signatures {
            return;
        }
        let right_label =
            if self.doc.kind == DocumentKind::Waybill { self.l.received_by } else { self.l.customer_signature };
        self.ensure(60.0, false);
        self.y -= 36.0;
        let width = 200.0;
        for (x, label) in [(LEFT, self.l.contractor_signature), (RIGHT - width, right_label)] {
            self.c.rule((x, self.y), (x + width, self.y), 0.5, 0.0);
            self.c.text(x, self.y - 10.0, Style::muted(8.0), label);
        }
        self.y -= 20.0;
    }

    /// "Page 1 / 3" on every page, with the document's name beside it.
    fn page_numbers(&mut self) {
        let count = self.c.pages.len();
        let name = heading(self.doc, self.l);
        let pages = std::mem::take(&mut self.c.pages);
        for (i, ops) in pages.into_iter().enumerate() {
            self.c.pages.push(ops);
            self.c.rule((LEFT, 44.0), (RIGHT, 44.0), 0.3, 0.6);
            let company = &self.doc.company.name;
            let footer = if company.is_empty() { name.clone() } else { format!("{company} · {name}") };
            self.c.text(LEFT, 32.0, Style::muted(8.0), &footer);
            self.c.text_right(RIGHT, 32.0, Style::muted(8.0), &format!("{} {} / {count}", self.l.page, i + 1));
        }
    }
}
