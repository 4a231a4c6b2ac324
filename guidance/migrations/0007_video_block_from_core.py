"""Guidance pages use core's VideoBlock (the one lessons use): its uploaded file is
the ``document`` child (guidance's own block called it ``video``), and a video has a
duration and needs a file or a link. Existing bodies and every revision (the
published versions readers open) are renamed in place."""

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import RenameStructChildrenOperation


class Migration(migrations.Migration):

    dependencies = [
        ('guidance', '0006_sign_off_publishes_only_through_the_workflow'),
    ]

    operations = [
        migrations.AlterField(
            model_name='guidancepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('inset', 5), ('warning', 7), ('key_points', 11), ('checklist', 15), ('do_dont', 20), ('legislation', 25), ('document', 28), ('video', 34), ('content_warning', 37)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Early evidence opportunities'"}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading (h2)'), ('h3', 'Sub-heading (h3)')], 'help_text': "Section headings appear in the page's contents list."}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Body text with links and lists.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'icon': 'pilcrow', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link']}), 5: ('wagtail.blocks.StructBlock', [[('text', 4)]], {}), 6: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Do not disclose the victim's address to the suspect.'"}), 7: ('wagtail.blocks.StructBlock', [[('text', 6)]], {}), 8: ('wagtail.blocks.CharBlock', (), {'default': 'Key points', 'help_text': "e.g. 'Key points'"}), 9: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Secure first-account evidence early.'"}), 10: ('wagtail.blocks.ListBlock', (9,), {}), 11: ('wagtail.blocks.StructBlock', [[('heading', 8), ('points', 10)]], {}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Before the ABE interview'"}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Confirm the ISVA has been offered.'"}), 14: ('wagtail.blocks.ListBlock', (13,), {}), 15: ('wagtail.blocks.StructBlock', [[('heading', 12), ('items', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Record the first account verbatim.'"}), 17: ('wagtail.blocks.ListBlock', (16,), {'label': 'Do'}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Ask the victim why they did not report.'"}), 19: ('wagtail.blocks.ListBlock', (18,), {'label': 'Do not'}), 20: ('wagtail.blocks.StructBlock', [[('do', 17), ('do_not', 19)]], {}), 21: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('legislation', 'Legislation'), ('case_law', 'Case law')]}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Sexual Offences Act 2003, section 1' or 'R v A [2001] UKHL 25'"}), 23: ('wagtail.blocks.TextBlock', (), {'help_text': "What it means for the investigator, e.g. 'Defines rape…'"}), 24: ('wagtail.blocks.URLBlock', (), {'help_text': 'e.g. https://www.legislation.gov.uk/ukpga/2003/42', 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('kind', 21), ('citation', 22), ('summary', 23), ('url', 24)]], {}), 26: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 27: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Editable MG3 checklist (Word, 2 pages)'", 'required': False}), 28: ('wagtail.blocks.StructBlock', [[('document', 26), ('description', 27)]], {}), 29: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. 'Planning the suspect interview'"}), 30: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'help_text': 'The uploaded video file, e.g. an MP4.', 'required': False}), 31: ('wagtail.blocks.URLBlock', (), {'help_text': "Or a link to the video on the force intranet, e.g. 'https://video.college.police.uk/abc'.", 'required': False}), 32: ('wagtail.blocks.CharBlock', (), {'help_text': "e.g. '6 minutes'", 'required': False}), 33: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul'], 'help_text': "Everything said and shown, e.g. 'Narrator: Before the interview…'"}), 34: ('wagtail.blocks.StructBlock', [[('title', 29), ('document', 30), ('link', 31), ('duration', 32), ('transcript', 33)]], {}), 35: ('wagtail.blocks.CharBlock', (), {'help_text': "What the reader is about to see, e.g. 'Describes a sexual assault'"}), 36: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4']}), 37: ('wagtail.blocks.StructBlock', [[('warning', 35), ('content', 36)]], {})}),
        ),
        MigrateStreamData(
            app_name="guidance",
            model_name="GuidancePage",
            field_name="body",
            operations_and_block_paths=[
                (RenameStructChildrenOperation(old_name="video", new_name="document"), "video"),
            ],
        ),
    ]
