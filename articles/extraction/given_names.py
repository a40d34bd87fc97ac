"""Given names that say a person's gender in news copy, so that "she says" after "host Owen
Marsh" and "guest Nadia Lind" means Lind without waiting for pronouns to vote.

Only names used for one gender across the languages news quotes most (English, French, Spanish,
Portuguese, German, Italian, Slavic, Arabic, Persian, Turkish, South Asian, East African): a name
given to men in one country and to women in another ("Andrea", "Jean", "Nikita", "Sasha",
"Kim", "Jordan") is left out, as are names that are also common words or places ("Chad",
"Georgia", "Israel"). The pronouns of the text decide for everyone else.
"""


def _names(listed: str) -> frozenset[str]:
    return frozenset(listed.split())


FEMININE = _names(
    """
    Aisha Alexandra Alice Alicia Alina Amal Amanda Amelia Amina Amy Ana Anastasia Angela Angelina
    Anita Ann Anna Anne Annette Antonia Ayesha Barbara Beatriz Benazir Bettina Brigitte Camila
    Carla Carmen Carolina Caroline Catherine Cecile Cécile Cecilia Charlotte Chiara Christina
    Christine Claire Claudia Coco Cristina Dalia Daniela Deborah Diana Dilma Dina Dolores Dorothy
    Elena Eleni Elisabeth Elizabeth Elif Elise Élise Ellen Elsa Emily Emma Erika Esther Eva Fatima
    Fatma Federica Fiona Florence Francesca Françoise Gabriela Giorgia Gloria Grace Hanna Hannah
    Helen Helena Hélène Hillary Hina Ilse Inês Ines Ingrid Irina Isabel Isabella Isabelle Ivana
    Jacinda Jane Janet Jennifer Jessica Joanna Johanna Josephine Julia Julie Juliette Kamala
    Karen Karin Katarina Katharina Katherine Kathleen Katrin Laila Lara Laura Leila Lena Liesl
    Lina Linda Lisa Liz Louise Lucia Lucy Luisa Lydia Madeleine Magdalena Maite Malala Margaret
    Margarita Margot Maria María Mariam Marie Marina Marine Marisol Marta Martha Mary Maryam
    Meenakshi Megan Melania Mette Michelle Mira Miriam Monica Monika Nadia Nadine Nancy Natalia
    Natasha Nathalie Nina Nora Olena Olga Oprah Paola Patricia Paula Petra Priya Rachel
    Rania Rebecca Rita Rosa Ruth Sabine Samantha Sandra Sara Sarah Shabana Silvia
    Sofia Sofiya Sonia Sophie Stella Susan Susanne Svetlana Sylvie Tamara Tatiana Teresa
    Theresa Ursula Valentina Valérie Vanessa Vera Veronica Victoria Viktoria Virginie Yasmin
    Yulia Zainab Zeynep Zoe Zuzana
    """
)

MASCULINE = _names(
    """
    Abdel Abdul Abdullah Abu Adam Adrian Ahmad Ahmed Alain Alan Alberto Alejandro Alexander
    Alexei Alexey Ali Anatol Anatoly Andreas Andrei Andrew Andriy Antonio Antony Anwar Arnaud
    Arthur Bashar Benjamin Benny Bernard Bill Boris Brian Carlos Charles Christian Christopher
    Claus Daniel Dario David Dennis Dmitry Donald Emmanuel Enrique Eric Fernando Francis
    François Frank Friedrich Gabriel Gavin Georg George Gerhard Giorgio Giuseppe Gregory Gustavo
    Hamid Hans Hassan Heinrich Henrik Henry Hugo Hussein Ibrahim Igor Imran Ismail Istvan Ivan
    Jacob Jacques James Javier Jens Jim Joachim Joe John Jorge José Joseph Juan Julian Karl
    Kevin Khalid Klaus Lars Leon Leonid Lloyd Lorenzo Luca Luis Luiz Lukas Marco Marcus Mark
    Martin Matteo Matthew Max Michael Michel Miguel Mike Mikhail Mohamed Mohammad Mohammed Muhammad
    Mustafa Nabil Narendra Nasser Nicholas Nicolas Nikolai Olaf Oleg Oliver Omar Oscar Osman Owen
    Pablo Patrick Paul Pedro Peter Petr Philippe Pierre Rafael Rahul Raul Recep Richard Robert
    Roberto Rodrigo Roman Rupert Saad Salman Samuel Sean Sebastian Sergei Sergey Shinzo
    Simon Stefan Stephen Steven Thomas Tim Tom Tomás Tony Vikram Viktor Vincent Vladimir
    Volodymyr Walter William Wolfgang Xavier Yusuf Yuri Zoran
    """
)


def gender_of_given_name(name: str) -> str | None:
    """ "f" or "m" when a person's first name says it, else None."""
    first = name.split()[0] if name.split() else ""
    if first in FEMININE:
        return "f"
    if first in MASCULINE:
        return "m"
    return None
