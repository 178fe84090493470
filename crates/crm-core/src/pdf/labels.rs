//! The printed words of a document in its language (English, German, Russian, Ukrainian);
//! any other language prints in English.

use super::model::DocumentKind;

pub struct Labels {
    pub quote: &'static str,
    pub sales_order: &'static str,
    pub invoice: &'static str,
    pub credit_note: &'static str,
    pub service_act: &'static str,
    pub waybill: &'static str,
    pub draft: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    pub valid_until: &'static str,
    pub due_date: &'static str,
    pub bill_to: &'static str,
    pub deliver_to: &'static str,
    pub contact: &'static str,
    pub tax_id: &'static str,
    pub position: &'static str,
    pub description: &'static str,
    pub quantity: &'static str,
    pub unit: &'static str,
    pub unit_price: &'static str,
    pub discount: &'static str,
    pub tax: &'static str,
    pub net: &'static str,
    pub subtotal: &'static str,
    pub shipping: &'static str,
    pub net_total: &'static str,
    /// "VAT 19 % of 200,00 €": rate, base.
    pub tax_on: &'static str,
    /// "incl. VAT 19 % of 238,00 €" (tax included in the prices).
    pub tax_included_on: &'static str,
    pub total: &'static str,
    pub credited: &'static str,
    pub paid: &'static str,
    pub balance: &'static str,
    /// "Payment due within 14 days, by 29.03.2026."
    pub payment_terms: &'static str,
    pub terms: &'static str,
    pub reason: &'static str,
    pub note: &'static str,
    /// "Credit for invoice {number} of {date}."
    pub credit_for: &'static str,
    /// "The services below were rendered in full under invoice {number} of {date}. …"
    pub act_statement: &'static str,
    /// "Delivery of sales order {number}."
    pub delivery_of: &'static str,
    pub contractor_signature: &'static str,
    pub customer_signature: &'static str,
    pub received_by: &'static str,
    /// Before "1 / 3" (a line of one-letter words alone loses its spaces in text extraction).
    pub page: &'static str,
    /// The e-mail that sends a document: "{title} {number} from {company}".
    pub mail_subject: &'static str,
    /// "Please find attached {title} {number}."
    pub mail_body: &'static str,
}

impl Labels {
    pub fn title(&self, kind: DocumentKind) -> &'static str {
        match kind {
            DocumentKind::Quote => self.quote,
            DocumentKind::SalesOrder => self.sales_order,
            DocumentKind::Invoice => self.invoice,
            DocumentKind::CreditNote => self.credit_note,
            DocumentKind::ServiceAct => self.service_act,
            DocumentKind::Waybill => self.waybill,
        }
    }
}

/// The labels of a locale's language.
pub fn of(locale: &str) -> &'static Labels {
    match locale.split('-').next().unwrap_or_default() {
        "de" => &DE,
        "ru" => &RU,
        "uk" => &UK,
        _ => &EN,
    }
}

static EN: Labels = Labels {
    quote: "Quote",
    sales_order: "Sales order",
    invoice: "Invoice",
    credit_note: "Credit note",
    service_act: "Certificate of completion",
    waybill: "Delivery note",
    draft: "Draft",
    number: "No.",
    date: "Date",
    valid_until: "Valid until",
    due_date: "Due date",
    bill_to: "Bill to",
    deliver_to: "Deliver to",
    contact: "Contact",
    tax_id: "Tax ID",
    position: "Pos.",
    description: "Description",
    quantity: "Qty",
    unit: "Unit",
    unit_price: "Unit price",
    discount: "Discount",
    tax: "Tax",
    net: "Net",
    subtotal: "Subtotal",
    shipping: "Shipping and handling",
    net_total: "Net total",
    tax_on: "Tax {rate} on {base}",
    tax_included_on: "incl. tax {rate} on {base}",
    total: "Total",
    credited: "Credited",
    paid: "Paid",
    balance: "Balance due",
    payment_terms: "Payment due within {days} days, by {date}.",
    terms: "Terms",
    reason: "Reason",
    note: "Note",
    credit_for: "Credit for invoice {number} of {date}.",
    act_statement: "The services below were rendered in full under invoice {number} of {date}. \
                    The customer has no claims as to their scope, quality or timing.",
    delivery_of: "Delivery of sales order {number}.",
    contractor_signature: "For the contractor",
    customer_signature: "For the customer",
    received_by: "Goods received by",
    page: "Page",
    mail_subject: "{title} {number} from {company}",
    mail_body: "Hello,\n\nplease find attached {title} {number}.\n\nKind regards,\n{company}",
};

static DE: Labels = Labels {
    quote: "Angebot",
    sales_order: "Auftragsbestätigung",
    invoice: "Rechnung",
    credit_note: "Gutschrift",
    service_act: "Leistungsnachweis",
    waybill: "Lieferschein",
    draft: "Entwurf",
    number: "Nr.",
    date: "Datum",
    valid_until: "Gültig bis",
    due_date: "Fällig am",
    bill_to: "Rechnungsempfänger",
    deliver_to: "Lieferanschrift",
    contact: "Ansprechpartner",
    tax_id: "USt-IdNr.",
    position: "Pos.",
    description: "Beschreibung",
    quantity: "Menge",
    unit: "Einheit",
    unit_price: "Einzelpreis",
    discount: "Rabatt",
    tax: "USt.",
    net: "Netto",
    subtotal: "Zwischensumme",
    shipping: "Versand und Verpackung",
    net_total: "Nettobetrag",
    tax_on: "USt. {rate} auf {base}",
    tax_included_on: "enthaltene USt. {rate} auf {base}",
    total: "Gesamtbetrag",
    credited: "Gutgeschrieben",
    paid: "Bezahlt",
    balance: "Offener Betrag",
    payment_terms: "Zahlbar innerhalb von {days} Tagen bis zum {date}.",
    terms: "Bedingungen",
    reason: "Grund",
    note: "Hinweis",
    credit_for: "Gutschrift zur Rechnung {number} vom {date}.",
    act_statement: "Die folgenden Leistungen wurden zur Rechnung {number} vom {date} vollständig erbracht. \
                    Der Auftraggeber hat keine Einwände gegen Umfang, Qualität und Termine.",
    delivery_of: "Lieferung zum Auftrag {number}.",
    contractor_signature: "Für den Auftragnehmer",
    customer_signature: "Für den Auftraggeber",
    received_by: "Ware erhalten",
    page: "Seite",
    mail_subject: "{title} {number} von {company}",
    mail_body: "Guten Tag,\n\nanbei erhalten Sie {title} {number}.\n\nMit freundlichen Grüßen\n{company}",
};

static RU: Labels = Labels {
    quote: "Коммерческое предложение",
    sales_order: "Заказ",
    invoice: "Счёт",
    credit_note: "Кредит-нота",
    service_act: "Акт выполненных работ",
    waybill: "Товарная накладная",
    draft: "Черновик",
    number: "№",
    date: "Дата",
    valid_until: "Действительно до",
    due_date: "Оплатить до",
    bill_to: "Покупатель",
    deliver_to: "Грузополучатель",
    contact: "Контактное лицо",
    tax_id: "ИНН",
    position: "№",
    description: "Наименование",
    quantity: "Кол-во",
    unit: "Ед.",
    unit_price: "Цена",
    discount: "Скидка",
    tax: "НДС",
    net: "Сумма",
    subtotal: "Итого по строкам",
    shipping: "Доставка",
    net_total: "Итого без НДС",
    tax_on: "НДС {rate} с {base}",
    tax_included_on: "в т. ч. НДС {rate} с {base}",
    total: "Всего к оплате",
    credited: "Зачтено",
    paid: "Оплачено",
    balance: "Остаток к оплате",
    payment_terms: "Оплата в течение {days} дн., до {date}.",
    terms: "Условия",
    reason: "Основание",
    note: "Примечание",
    credit_for: "Корректировка к счёту {number} от {date}.",
    act_statement: "Перечисленные ниже услуги по счёту {number} от {date} выполнены полностью и в срок. \
                    Заказчик претензий по объёму, качеству и срокам не имеет.",
    delivery_of: "Отгрузка по заказу {number}.",
    contractor_signature: "Исполнитель",
    customer_signature: "Заказчик",
    received_by: "Груз получил",
    page: "Стр.",
    mail_subject: "{title} {number} от {company}",
    mail_body: "Здравствуйте!\n\nВо вложении {title} {number}.\n\nС уважением,\n{company}",
};

static UK: Labels = Labels {
    quote: "Комерційна пропозиція",
    sales_order: "Замовлення",
    invoice: "Рахунок",
    credit_note: "Кредит-нота",
    service_act: "Акт виконаних робіт",
    waybill: "Видаткова накладна",
    draft: "Чернетка",
    number: "№",
    date: "Дата",
    valid_until: "Дійсна до",
    due_date: "Сплатити до",
    bill_to: "Покупець",
    deliver_to: "Вантажоодержувач",
    contact: "Контактна особа",
    tax_id: "ІПН",
    position: "№",
    description: "Найменування",
    quantity: "К-сть",
    unit: "Од.",
    unit_price: "Ціна",
    discount: "Знижка",
    tax: "ПДВ",
    net: "Сума",
    subtotal: "Разом за рядками",
    shipping: "Доставка",
    net_total: "Разом без ПДВ",
    tax_on: "ПДВ {rate} з {base}",
    tax_included_on: "у т. ч. ПДВ {rate} з {base}",
    total: "Усього до сплати",
    credited: "Зараховано",
    paid: "Сплачено",
    balance: "Залишок до сплати",
    payment_terms: "Оплата протягом {days} дн., до {date}.",
    terms: "Умови",
    reason: "Підстава",
    note: "Примітка",
    credit_for: "Коригування до рахунку {number} від {date}.",
    act_statement: "Наведені нижче послуги за рахунком {number} від {date} виконано повністю та вчасно. \
                    Замовник претензій щодо обсягу, якості та строків не має.",
    delivery_of: "Відвантаження за замовленням {number}.",
    contractor_signature: "Виконавець",
    customer_signature: "Замовник",
    received_by: "Вантаж отримав",
    page: "Стор.",
    mail_subject: "{title} {number} від {company}",
    mail_body: "Добрий день!\n\nУ вкладенні {title} {number}.\n\nЗ повагою,\n{company}",
};

/// Fills `{name}` placeholders of a label.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_of_the_locale_else_english() {
        assert_eq!(of("de-AT").invoice, "Rechnung");
        assert_eq!(of("uk-UA").invoice, "Рахунок");
        assert_eq!(of("ru").invoice, "Счёт");
        assert_eq!(of("fr-FR").invoice, "Invoice");
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(of("en-US").credit_for, &[("number", "INV-1"), ("date", "3/5/2026")]),
            "Credit for invoice INV-1 of 3/5/2026."
        );
    }
}
