"""The call for applications, from the form to the selected cohort's roster.

One pseudonymous applicant code runs through everything (DESIGN key idea 8): it is made when an
application is imported, reviewers see only it, and the selected keep it as their participant
code. Names, e-mails and phones live in their own table, read only by the notification lists,
and ``forget`` erases them.

Modules, in the order an organiser meets them: :mod:`.rubric` (``course.yml`` → ``selection:``),
:mod:`.form` (the application form), :mod:`.intake` (imports), :mod:`.eligibility`,
:mod:`.assignment`, :mod:`.sheets`, :mod:`.scoring`, :mod:`.agreement`, :mod:`.selection`,
:mod:`.waitlist`, :mod:`.decisions`, :mod:`.notify`, :mod:`.handoff` (the roster), :mod:`.forget`,
:mod:`.simulate`, :mod:`.report`. :mod:`.store` keeps it all in the feedback store's database.
"""
