"""``trainingkit forms serve``: the phone forms on the venue network. It sits above the forms
(pages, limits), the feedback store (where answers go) and the follow-up (each trainee's own
planned actions), and is the one place that puts the three together for a phone."""
